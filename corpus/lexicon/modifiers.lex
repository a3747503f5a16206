# Lexicon modifiers: stop words and places of job ads that are also words of
# some occupation titles ("Senior" in Defence Force Senior Officer, "English"
# in English as a Second Language Teacher, "Western" in a title). A corpus
# whose titles do not use them (5411) drops them; the whole ANZSCO does not
# name this lexicon. Sections as in en.lex.

[stop en]
# trainees and apprentices do the work of the occupation
apprentice
intern
cadet
# the rest
australian
based
chinese
contractor
contract
day
# an outsourcer's domestic or international process serves customers at
# home or overseas; "international" would stem to the trainee's "intern"
domestic
international
english
entry
fixed
french
home
hours
level
new
night
nz
pay
principal
remote
senior
speaker
superannuation
thai
work

[stop pt]
# languages a person speaks: words of Portuguese titles of the whole ANZSCO
# ("Professor de alemão")
ingles
espanhol
frances
alemao
italiano
japones
mandarim
bilingue
turno
# young apprentices (jovem aprendiz) do the work of the occupation
jovem
estagio
# the rest
english
french
home
senior

[place]
madeira
area
ba
nz
pr
regional
remote
western
