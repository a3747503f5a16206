# Lexicon en: general English. One entry per line; "# ..." lines name a group or explain it.
# Sections: [function LANG] grammatical words, [stop LANG] words that say nothing
# about the occupation, [variant LANG] "from = to" spellings and abbreviations,
# [canon LANG] "word = word" words that stem to one term, [place] place names,
# [noise NAME] regular expressions on folded text, [qualifier] bracketed title
# qualifiers, [residual] words marking a residual ("nec") title. LANG is en, pt or *.

[function en]
a
an
and
or
of
the
for
in
at
to
with
on
by
as
from
our
your
we
you
is
are
be

[stop en]
# Portuguese function words that English titles borrow: stop words here, so that they mark only their own language ("Supervisor de Call Center")
de
do
da
dos
das
e
em
# languages a person speaks, not the occupation
bilingual
multilingual
speaking
speaker
fluent
english
spanish
mandarin
cantonese
chinese
french
german
italian
japanese
korean
vietnamese
arabic
hindi
portuguese
dutch
greek
russian
polish
turkish
thai
indonesian
tagalog
# seniority and grade
senior
snr
sr
junior
jnr
jr
trainee
graduate
entry
level
experienced
principal
i
ii
iii
iv
# employment terms
casual
temporary
temp
permanent
perm
contract
contractor
fixed
term
full
part
fulltime
parttime
ftc
fte
# advertising words
immediate
start
urgent
urgently
hiring
needed
new
role
job
vacancy
position
opportunity
opportunities
based
near
# work mode and hours
remote
hybrid
wfh
home
work
working
shift
shifts
day
night
weekend
weekends
hours
hour
per
week
weekly
month
months
year
years
am
pm
hr
hrs
# pay
rate
pay
salary
super
superannuation
plus
bonus
bonuses
incentive
incentives
ote
# country words
australia
australian
nz
zealand
# gender and other single letters of job ads
m
f
d
x
h

[variant *]
# American spellings to Australian ones
center = centre
centers = centres
centered = centred
organization = organisation
organizations = organisations
organize = organise
specialization = specialisation
specializations = specialisations
specialize = specialise
prioritize = prioritise
utilization = utilisation
optimization = optimisation
advisor = adviser
advisors = advisers
counselor = counsellor
labor = labour
program = programme
programs = programmes
enquiry = inquiry
enquiries = inquiries
# joined and split forms
helpdesk = help desk
servicedesk = service desk
webchat = web chat
livechat = live chat
e =
# abbreviations of job ads
rep = representative
reps = representatives
mgr = manager
asst = assistant
supv = supervisor
supvr = supervisor
ops = operations
qa = quality assurance
cx = customer experience
