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
bilingue
bilingual
fluente
ingles
espanhol
frances
alemao
italiano
japones
mandarim
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
turno
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
contato = contacto
contatos = contactos
# abbreviations
ti = tecnologia informacao
tic = tecnologia informacao comunicacao
