# Lexicon ads-en: abbreviations and slang of English-language job ads in
# Australia and New Zealand, written out as the ANZSCO titles say them.
# Sections as in en.lex.

[variant en]
# nursing and care
rn = registered nurse
ain = assistant in nursing
pca = personal care assistant
gp = general practitioner
ot = occupational therapist
# office and management
ea = executive assistant
pa = personal assistant
ap = accounts payable
ar = accounts receivable
bdm = business development manager
ceo = chief executive officer
coo = chief operating officer
cfo = chief financial officer
admin = administration
acct = accountant
hr = human resource
mailroom = mail room
# information and communications technology
telco = telecommunications
it = ict
dba = database administrator
# hospitality
cdp = chef de partie
# trades, slang
chippy = carpenter
sparky = electrician
brickie = bricklayer
truckie = truck driver
wharfie = waterside worker
tech = technician
mech = mechanic
eng = engineer
geotech = geotechnical
lab = laboratory
dozer = bulldozer
farmhand = farm hand
bartender = bar attendant
bartenders = bar attendants
telesales = telemarketing
# phrases of job ads for what the ANZSCO titles call otherwise
personal trainer = fitness instructor
talent acquisition = recruitment
learning and development = training and development
learning development = training and development
people and culture = human resource
people culture = human resource
car salesperson = motor vehicle salesperson
car sales = motor vehicle sales
disability support worker = disabled carer
retail assistant = sales assistant
retail team member = sales assistant
gaming attendant = gaming worker
stock controller = stock clerk
inventory controller = inventory clerk
library officer = library assistant
parking officer = parking inspector
mailroom assistant = mail clerk
accounts officer = accounts clerk
clerical officer = general clerk
laundry hand = laundry worker
farm hand = farm worker
police constable = police officer
fitness coach = fitness instructor
# early childhood education: the educator who leads a room of a centre
room leader = child care worker
# heavy vehicle licence classes (multi-combination, heavy combination,
# heavy rigid, medium rigid) before the driver
mc driver = truck driver
hc driver = truck driver
hr driver = truck driver
mr driver = truck driver
