# Lexicon callcentre: the vocabulary of call and contact centres (unit group 5411
# and its neighbours). Sections as in en.lex.

[variant *]
# joined forms; a contact centre is a call centre
callcentre = call centre
callcenter = call centre
callcentres = call centres
callcenters = call centres
contactcentre = call centre
contactcenter = call centre
contact = call
contacts = calls
helpline = help line
hotline = hot line
telesale = telesales
teamleader = team leader
teamlead = team leader
# abbreviations of call-centre job ads
csr = customer service representative
csrs = customer service representatives
cso = customer service officer
csa = customer service adviser
cse = customer service executive
tsr = telesales representative
tl = team leader
tls = team leaders
wfm = workforce management
rta = real time analyst
# an outsourcer's "non-voice" work is back-office processing, email or chat:
# not its voice (phone) work
non voice = nonvoice

[variant en]
lead = leader
# the ABS's Telephone Operator is a switchboard operator (561611); a phone
# agent, adviser or consultant, whose role words stand for "operator", is
# not: the phrase is read as the switchboard title before that
telephone operator = switchboard operator
telephone operators = switchboard operators
# "Customer Service Advisor - Telephony": the phone channel
telephony = telephone
# a quality evaluator is a quality assessor ("Call Quality Evaluator"), a
# workforce scheduler a workforce planner
evaluator = assessor
scheduler = planner
# multichannel work is omnichannel work (a contact centre's, or a shop's)
multichannel = omnichannel
multi channel = omnichannel
# te reo Maori for a worker in New Zealand ads ("Contact Centre Kaimahi")
kaimahi = worker
# a banker of the phone channel ("Telephone Banker") is its banking
# consultant; without a channel a banker stays outside (a branch's personal banker)
banker = banking consultant
bankers = banking consultants

[variant pt]
# Portuguese words for the same call-centre roles
sac = servico atendimento consumidor
teleoperadora = teleoperador
teleoperadores = teleoperador
teleoperadoras = teleoperador
teleatendente = teleatendimento atendente
operadora = operador
operadores = operador
operadoras = operador
atendente = operador
atendentes = operador
agente = operador
agentes = operador
assistente = operador
assistentes = operador
consultor = operador
consultora = operador
consultores = operador
representante = operador
representantes = operador
lead = supervisor
leader = supervisor
lider = supervisor
lideres = supervisor
chefe = supervisor
chefes = supervisor
encarregado = supervisor
encarregada = supervisor
supervisora = supervisor
supervisores = supervisor
# multichannel (multicanal, omnicanal) work is omnichannel work
multicanal = omnichannel
omnicanal = omnichannel
# "=word" keeps the word unstemmed: telefonista must not stem to telefon ("telephone")
telefonista = =telefonista
telefonistas = =telefonista
# the adjective of a phone service ("Assistente Telefónico", "Atendimento
# Telefônico") stays apart from the switchboard ("Central Telefónica",
# "Mesa Telefónica"), whose feminine stems to telefon
telefonico = =telefonico
telefonicos = =telefonico

[canon en]
# operator = agent = consultant = representative = adviser = officer = associate
# = executive (an outsourcer's "Customer Care Executive")
agent = operator
executive = operator
consultant = operator
representative = operator
adviser = operator
officer = operator
associate = operator
# supervisor = team leader
leader = supervisor
supervision = supervisor
# telephone = phone
phone = telephone

[canon pt]
# English role words inside Portuguese titles ("Team Leader de Contact Center")
operator = operador
agent = operador
adviser = operador
consultant = operador
representative = operador
supervision = supervisor

[context]
# words that make a title a call-centre title only when no other workplace
# is named: an inbound team leader works in a contact centre, an "Inbound
# Goods Team Leader" in a warehouse
inbound
outbound
calls
phones
receptivo
ativo
# a shop's or a warehouse's omnichannel work is order fulfilment
omnichannel
multichannel
multicanal
omnicanal
# a shop answers WhatsApp too ("Atendente de Loja - WhatsApp e Balcão")
whatsapp
# email support is a contact centre's, email marketing is marketing
email

[workplace]
# other workplaces, English
warehouse
distribution centre
distribution center
logistics
freight
goods
retail store
store
factory
supply chain
dock
docks
transport
shipping
receiving
inventory
stock
counter
front counter
shop floor
supermarket
restaurant
production line
# marketing ("Email Marketing Specialist", "Inbound Marketing Executive")
marketing
# Portuguese
loja
balcao
supermercado
restaurante
lanchonete
linha de producao
armazem
deposito
estoque
fabrica
logistica
expedicao
recebimento
# tourism's "receptivo" meets and serves arriving travellers
turismo
turistico
turistica

[entry en]
# a trainee, intern or apprentice of a call centre does an operator's work:
# the role these words stand for in a title that names no other ("Call
# Centre Trainee"); stop words drop them otherwise
trainee = operator
intern = operator
apprentice = operator
cadet = operator
graduate = operator

[entry pt]
# estagiário, jovem aprendiz: the same, in Portuguese titles, which job-ad
# noise drops otherwise ("Estagiário de Call Center")
estagiario = operador
estagiaria = operador
estagio = operador
aprendiz = operador
jovem aprendiz = operador
trainee = operador
