# Lexicon en: general English. One entry per line; "# ..." lines name a group or explain it.
# Sections: [function LANG] grammatical words, [stop LANG] words that say nothing
# about the occupation, [variant LANG] "from = to" spellings and abbreviations,
# [postmodifier LANG] words opening a phrase after the head noun,
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

[postmodifier en]
# words opening a phrase after a title's head noun: "Personal Assistant to
# the CEO" is a personal assistant; not "of", whose phrase names the
# field of the head ("Director of Nursing")
to
for
at
with
in
on
from
by

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
fluent
spanish
mandarin
cantonese
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
indonesian
tagalog
# seniority and grade
snr
sr
junior
jnr
jr
trainee
graduate
experienced
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
role
job
vacancy
position
opportunity
opportunities
near
# work mode and hours
hybrid
wfh
working
shift
shifts
weekend
weekends
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
salary
super
plus
bonus
bonuses
incentive
incentives
ote
# country words
australia
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
homeopath = homoeopath
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

[canon en]
# an activity and the short word for it
taxation = tax
