# Lexicon ads-en: abbreviations and slang of English-language job ads in
# Australia and New Zealand, written out as the ANZSCO titles say them.
# Sections as in en.lex.

[variant en]
# nursing and care
rn = registered nurse
ain = assistant in nursing
pca = personal care assistant
gp = general practitioner
num = nurse unit manager
vet = veterinary
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
# joined and split forms and spellings of job ads
childcare = child care
cabinetmaker = cabinet maker
frontend = front end
waitstaff = waiter
air conditioning = airconditioning
dispatch = despatch
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
# roles of software teams and of human resources named as firms name them:
# a product owner states a team's requirements (an ICT business analyst),
# a tech lead leads its developers, an HR business partner advises a
# business on its people
product owner = ict business analyst
tech lead = lead developer
technical lead = lead developer
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
# office and administration: the ABS codes the general office roles of ads
# as general clerks
office administrator = general clerk
administration officer = general clerk
administrative officer = general clerk
administration assistant = general clerk
administrative assistant = general clerk
admin assistant = general clerk
admin officer = general clerk
executive assistant = personal assistant
records officer = records clerk
logistics coordinator = logistics clerk
# retail, hospitality and cleaning
store manager = retail store manager
pharmacy assistant = pharmacy sales assistant
telesales consultant = telemarketer
bar staff = bar attendant
wait staff = waiter
night fill = night filler
hotel manager = hotel or motel manager
office cleaner = commercial cleaner
house cleaner = domestic cleaner
# warehouses: order pickers and packers are storepersons
pick packer = storeperson
picker packer = storeperson
# construction, trades and technical
site manager = construction project manager
warehouse manager = logistics manager
landscaper = landscape gardener
airconditioning technician = airconditioning and refrigeration mechanic
automotive technician = motor mechanic
auto electrician = automotive electrician
electrical apprentice = apprentice electrician
front end developer = web developer
service desk = help desk
high school = secondary school
# early childhood education: the educator who leads a room of a centre
room leader = child care worker
child care educator = child care worker
childcare educator = child care worker
early learning = child care
education support officer = teachers aide
# heavy vehicle licence classes (multi-combination, heavy combination,
# heavy rigid, medium rigid) before the driver
mc driver = truck driver
hc driver = truck driver
hr driver = truck driver
mr driver = truck driver
# abbreviations, slang and the words of ads for what the ANZSCO titles call otherwise
# health and care
physio = physiotherapist
speechie = speech pathologist
rmo = resident medical officer
icu = intensive care
een = enrolled nurse
theatre nurse = perioperative nurse
aod = alcohol and other drug
lifestyle coordinator = diversional therapist
# trades and technical
hvac = airconditioning
hvac technician = airconditioning and refrigeration mechanic
aircon = airconditioning
refrigeration technician = airconditioning and refrigeration mechanic
car mechanic = motor mechanic
auto sparky = automotive electrician
cnc machinist = metal machinist
civil drafter = civil engineering draftsperson
mechanical drafter = mechanical engineering draftsperson
electrical drafter = electrical engineering draftsperson
architectural drafter = architectural draftsperson
makeup = make up
linesman = linesworker
# drivers: the vehicle or the run before the driver
semi driver = truck driver
b double driver = truck driver
linehaul driver = truck driver
multi drop driver = delivery driver
courier driver = delivery driver
uber driver = automobile driver
rideshare driver = automobile driver
# hospitality, cleaning and food
waitress = waiter
waitresses = waiters
housekeeping attendant = commercial housekeeper
laundry attendant = laundry worker
car wash attendant = car detailer
guest services agent = hotel receptionist
guest service agent = hotel receptionist
pizza maker = fast food cook
# education and care of children
oshc = out of school hours care
oshc educator = out of school hours care worker
ect = early childhood teacher
esl teacher = english as a second language teacher
piano teacher = music teacher
# office, people and public service
whs = occupational health and safety
statutory planner = urban and regional planner
recruiter = recruitment consultant
hr generalist = human resource adviser
hr business partner = human resource adviser
hr administrator = human resource clerk
pr consultant = public relations professional
communications adviser = public relations professional
communications advisor = public relations professional
media adviser = public relations professional
media advisor = public relations professional
cio = chief information officer
gym manager = fitness centre manager
loan processor = loans officer
claims officer = insurance consultant
claims consultant = insurance consultant
border force officer = customs officer
contact centre consultant = contact centre operator
dental receptionist = medical receptionist
# sales
shop assistant = sales assistant
checkout assistant = checkout operator
store 2ic = retail supervisor
car sales executive = motor vehicle salesperson
car sales consultant = motor vehicle salesperson
vehicle sales consultant = motor vehicle salesperson
vehicle sales executive = motor vehicle salesperson
outbound sales = telemarketing
livestock agent = stock and station agent
# labourers
storeman = storeperson
storemen = storepersons
slaughterman = slaughterer
slaughtermen = slaughterers
food process worker = food and drink factory worker
food production worker = food and drink factory worker
farm assistant = farm worker
strawberry picker = fruit picker
berry picker = fruit picker
apple picker = fruit picker
nursery hand = nursery worker
bike = bicycle
