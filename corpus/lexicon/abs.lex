# Lexicon abs: conventions of the ABS ANZSCO titles. Sections as in en.lex.

[qualifier]
# "Electrician (General)" is the electrician of the unit group: the bracket is
# not a word a query must contain
general
# country markers of titles used in one country only
aus
nz

[residual]
# "Registered Nurses nec": the occupations of a group not named elsewhere
nec

[agentive en]
# nouns for the person who does the work keep their identity: an accountant
# is not an account, a manager not management, a driver not driving
er
or
ant
ent
ist
ian
eer

[agentive pt]
# the same for Portuguese, where the feminine and masculine of a noun for a
# person agree: motorista is not motor, enfermeira is enfermeiro, vendedora
# is vendedor, gerente is not gerência
ista
eiro = eir
eira = eir
dor
dora = dor
tor
tora = tor
ente
ante

[variant en]
# words of the titles that the stemmer would join with another word of
# another meaning, kept as they are: a production manager is not a product
# manager, a securities analyst not a security analyst
production = =production
securities = =securities
