# Lexicon jobads: the noise of job-ad titles in English and Portuguese. One entry per line; "# ..." lines name a group or explain it.
# Sections: [function LANG] grammatical words, [stop LANG] words that say nothing
# about the occupation, [variant LANG] "from = to" spellings and abbreviations,
# [canon LANG] "word = word" words that stem to one term, [place] place names,
# [noise NAME] regular expressions on folded text, [qualifier] bracketed title
# qualifiers, [residual] words marking a residual ("nec") title. LANG is en, pt or *.

[noise pay]
(?:up to |ate |até |from |desde )?(?:r\$|a\$|nz\$|us\$|\$|€|£|aud|nzd|eur|brl)\s?\d[\d,.]*\s?k?(?:\s?(?:-|to|a)\s?(?:r\$|\$|€|£)?\d[\d,.]*\s?k?)?(?:\s?(?:/|per |p/|por |an |a )\s?(?:hr|hour|hora|h|session|sessao|annum|year|yr|ano|day|dia|week|semana|month|mes|shift))?(?:\s?\+\s?(?:super(?:annuation)?|commission|comissao|comissoes|bonus|bonuses|benefits|beneficios|incentives|penalty rates|vt|vr|va|plr))*
\b\d+(?:[.,]\d+)?\s?k\b(?:\s?(?:\+|plus)\s?(?:super|bonus|commission))?
\+\s?(?:super(?:annuation)?|commission|comissao|bonus|vt|vr|va|beneficios)\b
\bsalario\s+(?:a combinar|competitivo)\b
\bpenalty rates\b
\bote\b

[noise gender]
\(\s?(?:[mfwhdx]\s?/\s?)+[mfwhdx]\s?\)
\b(?:[mfwhd]\s?/\s?)+[mfwhdx]\b
\(a\)
/a\b
\(o\)
\(as\)
\(os\)
\bpcd\b
\bpcds\b

[noise contract]
\b\d+\s?(?:-\s?)?(?:months?|mths?|weeks?|wks?|years?|yrs?|meses|mes|anos?|semanas?)(?:\s(?:contract|ftc|fixed term|assignment|temp|contrato))?\b
\bfixed[- ]term(?: contract)?\b
\btemp(?:orary)?[- ]to[- ]perm(?:anent)?\b
\bfull[- ]?time\b
\bpart[- ]?time\b
\bcasual\b
\bpermanent\b
\bcontract(?:or)?\b
\bftc\b
\bfte\b
\btemp\b
\bmaternity (?:leave )?cover\b
\bparental leave cover\b
\bimmediate start\b
\bstart (?:asap|immediately|now)\b
\basap\b
\burgent(?:ly)?(?: hiring| required| start)?\b
\bnow hiring\b
\bhiring now\b
\bwork from home\b
\bworking from home\b
\bwfh\b
\bremote(?: first| friendly)?\b
\bhybrid\b
\bflexible hours\b
\bflexible\b
\bhome office\b
\bonsite\b
\bon-site\b
\bin-office\b
\bmeio periodo\b
\bperiodo integral\b
\btempo inteiro\b
\btempo parcial\b
\befetivo\b
\befetiva\b
\btemporario\b
\btemporaria\b
\bestagio\b
\bjovem aprendiz\b
\bsem experiencia\b
\bcom experiencia\b
\bcom ou sem experiencia\b
\bclt\b
\bpj\b
\bfreelance\b
\bday shift\b
\bnight shift\b
\bafternoon shift\b
\bweekend shift\b
\bweekends?\b
\bnights\b
\bdays\b
\brotating roster\b
\brotational rosters?\b
\b(?:rotational|rotating|graveyard|split|early|late|evening|morning|overnight|night|day|afternoon|weekend|us|uk|australian|nz|international) shifts\b
\b(?:rotational|rotating|graveyard|split|early|late|evening|morning|overnight|us|uk|australian|nz|international) shift\b
\broster\b
\bshifts?\b
\bturno (?:da )?(?:manha|tarde|noite)\b
\bnoturno\b
\bdiurno\b
\b24h\b
\b24/7\b
\b24x7\b
\bmon-fri\b
\bmonday to friday\b
\bsegunda a sexta\b
\bscale 6x1\b
\bescala \d+x\d+\b

[noise grade]
# public-service classifications: APS and EL (Commonwealth), VPS (Victoria),
# AO (Queensland, Northern Territory), ASO (South Australia, ACT)
\b(?:aps|el|vps|ao|aso)\s?\d+(?:\s?(?:-|/|&|or|to)\s?(?:aps|el|vps|ao|aso)?\s?\d+)?\b
\b(?:level|lvl|nivel|grade|band|aps|tier|step|l)\s?\d+\b
\baps\b
\b\d+\s?(?:st|nd|rd|th|a|o)\b
\bii\b
\biii\b
\biv\b

[noise reference]
\b(?:ref(?:erence)?|job ref|req|requisition|job id|vaga|cod|codigo|id|no)\s?[:#.]?\s?[a-z]{0,3}\d[\w-]*\b
#\s?\d+

[noise marketing]
\b(?:great|amazing|exciting|fantastic|awesome|brilliant|rewarding|excellent|new) (?:team|culture|opportunity|benefits|role|company|perks|pay|rates)\b
\bapply (?:now|today)\b
\bsign[- ]on bonus\b
\btraining provided\b
\bno experience (?:required|needed|necessary)\b
\bimmediate starts?\b
\bmultiple positions\b
\bmultiple roles\b
\bvarious locations\b
\ball locations\b
\bvagas? (?:abertas|disponiveis)\b
\bprocesso seletivo\b

[place]
sydney
melbourne
brisbane
perth
adelaide
hobart
darwin
canberra
gold coast
sunshine coast
newcastle
wollongong
geelong
parramatta
penrith
liverpool
townsville
cairns
toowoomba
rockhampton
ballarat
bendigo
launceston
mackay
bundaberg
albury
wodonga
orange
dubbo
tamworth
wagga wagga
mildura
shepparton
ipswich
logan
north sydney
macquarie park
chatswood
norwest
docklands
southbank
fortitude valley
cbd
sydney cbd
melbourne cbd
brisbane cbd
perth cbd
adelaide cbd
nsw
vic
qld
wa
sa
tas
act
nt
new south wales
victoria
queensland
western australia
south australia
tasmania
northern territory
australian capital territory
australia
auckland
wellington
christchurch
hamilton
tauranga
dunedin
palmerston north
napier
nelson
new zealand
london
leeds
manchester
birmingham
glasgow
edinburgh
cardiff
bristol
belfast
sheffield
nottingham
newcastle upon tyne
uk
united kingdom
england
scotland
wales
ireland
dublin
cork
new york
chicago
los angeles
houston
phoenix
dallas
austin
atlanta
denver
seattle
boston
miami
usa
us
canada
toronto
vancouver
manila
cebu
philippines
india
bangalore
lisboa
lisbon
porto
braga
coimbra
aveiro
faro
setubal
viseu
leiria
oeiras
amadora
sintra
cascais
almada
funchal
azambuja
vila franca de xira
alverca
santarem
castelo branco
portalegre
beja
braganca
vila real
viana do castelo
ponta delgada
ovar
barcelos
penafiel
valongo
gondomar
vila nova de famalicao
famalicao
evora
guimaraes
matosinhos
maia
vila nova de gaia
gaia
loures
odivelas
seixal
barreiro
algarve
acores
portugal
grande lisboa
grande porto
sao paulo
rio de janeiro
belo horizonte
curitiba
porto alegre
salvador
recife
fortaleza
brasilia
campinas
guarulhos
barueri
osasco
santos
sao bernardo do campo
santo andre
manaus
belem
goiania
florianopolis
ribeirao preto
sorocaba
joinville
londrina
uberlandia
natal
joao pessoa
maceio
teresina
cuiaba
campo grande
vitoria
niteroi
contagem
alphaville
zona sul
zona norte
zona leste
zona oeste
regiao metropolitana
grande sao paulo
sp
rj
mg
rs
sc
pe
ce
go
df
es
# the other Brazilian states, as "- Maceió/AL" writes them, but for those
# that English ads use for a role or a field (RN, PA, BA, AP, PR, MS...)
al
mt
pb
ro
rr
se
to
jundiai
cajamar
sao jose dos campos
piracicaba
cotia
diadema
maua
suzano
mogi das cruzes
betim
itajai
blumenau
caxias do sul
aracaju
sao luis
porto velho
rio branco
brasil
brazil
north
south
east
west
northern
southern
eastern
inner
outer
greater
metro
metropolitan
region
suburbs
city
cidade
various
multiple
nationwide
national
anywhere
