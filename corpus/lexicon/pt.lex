# Lexicon pt: general Portuguese. One entry per line; "# ..." lines name a group or explain it.
# Sections: [function LANG] grammatical words, [stop LANG] words that say nothing
# about the occupation, [variant LANG] "from = to" spellings and abbreviations,
# [canon LANG] "word = word" words that stem to one term, [place] place names,
# [noise NAME] regular expressions on folded text, [qualifier] bracketed title
# qualifiers, [residual] words marking a residual ("nec") title. LANG is en, pt or *.

[function pt]
a
o
as
os
um
uma
uns
umas
de
do
da
dos
das
e
ou
em
no
na
nos
nas
para
por
com
ao
aos
à
pelo
pela
pelos
pelas
que
se
sem
sob
sobre

[stop pt]
# English function words that Portuguese titles borrow: stop words here, so that they mark only their own language
of
the
and
or
for
in
at
to
with
on
# languages a person speaks
bilingual
fluente
spanish
# seniority
pleno
junior
jr
sr
estagiario
estagiaria
trainee
aprendiz
# employment terms
efetivo
efetiva
temporario
temporaria
meio
periodo
integral
part
full
noturno
diurno
vaga
vagas
urgente
contrato
termo
certo
# work mode and hours
remoto
hibrido
presencial
horas
hora
semana
mes
meses
ano
anos
salario
# single letters and company forms
m
f
h
d
x
lda
sa

[variant pt]
# European and Brazilian spellings to one form
equipa = equipe
equipas = equipes
facturas = faturas
factura = fatura
facturacao = faturacao
accao = acao
direccao = direcao
optimizacao = otimizacao
# abbreviations
ti = tecnologia informacao
tic = tecnologia informacao comunicacao
# role words as ads abbreviate them, with or without the stop ("Aux.
# Administrativo", "Téc. de Enfermagem", "Op. de Empilhadeira", "Eng.
# Civil", "Ger. de Loja", "Mot. de Caminhão"); none is a word of a title
aux = auxiliar
assist = assistente
asst = assistente
tec = tecnico
op = operador
oper = operador
eng = engenheiro
ger = gerente
coord = coordenador
sup = supervisor
superv = supervisor
enf = enfermeiro
prof = professor
profa = professora
mot = motorista
comex = comercio exterior
rh = recursos humanos
# abbreviations of whole titles and departments that ads write alone ("ASG
# - Escola", "Assistente de DP", "TST - Obras", "Dev Java", "Auxiliar de CME")
dp = departamento pessoal
asg = auxiliar servicos gerais
asb = auxiliar saude bucal
tst = tecnico seguranca trabalho
hst = higiene seguranca trabalho
dev = desenvolvedor
fisio = fisioterapeuta
cme = central material esterilizado
# Brazilian and European words for the same thing: the European form is
# written as the Brazilian one
# line: the Brazilian form, " | ", the European form. Only true
# equivalents: words that one country uses where the other uses the second
# word, with the same meaning in job titles and ads ("gerente" and "gestor"
# are not such a pair: both countries use both). Forms that differ only in
# accents ("eletrônico", "eletrónico") are left out, since text is compared
# without accents. A line "[group]" starts a group; '#' starts a comment.
# A form may appear only once on its side.
# spelling
# The same word, spelled as each country writes it.
contacto = contato
contactos = contatos
rececao = recepcao
rececionista = recepcionista
registo = registro
planeamento = planejamento
planeador = planejador
# spelling before 1990
# European spellings from before the 1990 agreement, still common in
# Portuguese ads and in older labels; the first form is the Brazilian and
# the current European one.
director = diretor
directora = diretora
arquitecto = arquiteto
arquitectura = arquitetura
inspector = inspetor
projecto = projeto
projectos = projetos
electricista = eletricista
electrotecnico = eletrotecnico
electrico = eletrico
actor = ator
actriz = atriz
tractor = trator
tractorista = tratorista
optico = otico
actuario = atuario
# transport
autocarro = onibus
camiao = caminhao
camioes = caminhoes
camionista = caminhoneiro
comboio = trem
portagem = pedagio
empilhador = empilhadeira
grua = guindaste
estafeta = motoboy
# trades and services
canalizador = encanador
talhante = acougueiro
talho = acougue
pasteleiro = confeiteiro
pastelaria = confeitaria
gelataria = sorveteria
ama = baba
betao = concreto
ginasio = academia
ementa = cardapio
# office and professions
contabilista = contador
notario = tabeliao
utilizador = usuario
utilizadores = usuarios
ficheiro = arquivo
aplicacao = aplicativo
telemovel = celular
gestao = gerenciamento
faturacao = faturamento

[canon pt]
# feminine and plural forms of job-title nouns that the stemmer leaves
# apart from their masculine singular: nouns in -ão, -ã and -ões, and a few
# irregular feminines
cirurgia = cirurgiao
cirurgioes = cirurgiao
escriva = escrivao
anfitria = anfitriao
anfitrioes = anfitriao
peoes = peao
caminhoes = caminhao
garcons = garcom
garconete = garcom
atriz = ator
# the feminine of secretário, which the stemmer cuts to the stem of
# "secretaria" (the department), like the masculine of cirurgia above
secretaria = secretario
# funcionária, which the stemmer cuts shorter than funcionário
funcionaria = funcionario
funcionarias = funcionario
