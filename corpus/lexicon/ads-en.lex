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
# wealth management: the advice on and the management of clients'
# investments, the financial investment advisers' and managers' work
wealth management = financial investment
wealth manager = financial investment manager
# building products are the building supplies of the ABS titles, which
# a sales representative or a sales manager sells
building products = building supplies
disability support worker = disabled carer
retail assistant = sales assistant
retail team member = sales assistant
# a team member and floor staff of ads are the worker of the workplace or
# sector the title names ("Vineyard Team Member", "Gaming Floor Staff"); a
# title that names none stays uncoded. Not "crew member", which is within
# ESCO's "quick service restaurant crew member", nor "factory hand", an
# ESCO title
team member = worker
team members = workers
floor staff = worker
general hand = labourer
# the sector or workplace word that decides a generic head: a checkout, a
# supermarket's or a store's team member sells or serves, a replenishment
# team member fills shelves, a kitchen or cleaning team member is a
# kitchenhand or a cleaner
checkout team member = checkout operator
replenishment team member = shelf filler
nightfill team member = night filler
supermarket team member = sales assistant
store team member = sales assistant
deli team member = sales assistant
deli assistant = sales assistant
kitchen team member = kitchenhand
cleaning team member = commercial cleaner
housekeeping team member = commercial housekeeper
packhouse team member = fruit packer
# a shop's counter team member serves at the bakery, butchery, deli or
# seafood counter
counter team member = sales assistant
# associates of law, accounting, dental and veterinary practices and banks
# are the practice's professionals or the bank's workers
law associate = solicitor
litigation associate = solicitor
tax associate = tax accountant
dental associate = dentist
veterinary associate = veterinarian
banking associate = bank worker
tax specialist = tax accountant
recruitment specialist = recruitment consultant
bridal consultant = sales assistant
# coordinators and officers of rosters, purchasing, freight and parking, as
# the ABS titles call them
rostering coordinator = roster clerk
roster coordinator = roster clerk
procurement coordinator = purchasing officer
freight coordinator = freight clerk
parking enforcement officer = parking inspector
# attendants and offsiders that the workplace decides, and sector words
ward attendant = wardsperson
cinema attendant = usher
dining room attendant = waiter
stable attendant = stablehand
removals offsider = removalist's assistant
garbage truck offsider = rubbish collector
automotive service technician = motor mechanic
diesel service technician = diesel motor mechanic
tyre service technician = tyre fitter
flour mill = grain mill
bakery factory = baking factory
ferry crew member = ferry hand
broiler farm = poultry farm
egg farm = poultry farm
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
# fitout: the building work that fits out the inside of a commercial
# building or a shop; a fitout project manager manages construction
fitout = construction
fit out = construction
# logistics operations: the ABS codes the operations manager of a
# logistics business as a supply and distribution (logistics) manager
logistics operations manager = logistics manager
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
# a consultant who sells insurance is an insurance agent; an insurance
# consultant of the ABS titles handles policies and claims
insurance sales consultant = insurance agent
# an audit senior leads the fieldwork of an audit team: an auditor
audit senior = auditor
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
# managers: R&D is research and development; holiday, tourist and
# caravan parks are one business
rd = research and development
holiday park = caravan park
tourist park = caravan park
campground = camping ground
# the armed forces and police by rank
army officer = commissioned defence force officer
navy officer = commissioned defence force officer
air force officer = commissioned defence force officer
officer cadet = commissioned defence force officer
warrant officer = senior non-commissioned defence force member
sergeant major = senior non-commissioned defence force member
police inspector = commissioned police officer
police superintendent = commissioned police officer
# the performing arts, media and writing; the instrument names the
# instrumentalist
actress = actor
dj = disc jockey
choir director = choral director
choir conductor = choral director
organist = instrumentalist
keyboardist = instrumentalist
cellist = instrumentalist
saxophonist = instrumentalist
trumpeter = instrumentalist
bassist = instrumentalist
flautist = instrumentalist
ghostwriter = author
tattoo artist = tattooist
fx = foreign exchange
# ships' officers
harbour pilot = ship's pilot
marine pilot = ship's pilot
chief mate = ship's officer
first mate = ship's officer
second mate = ship's officer
third mate = ship's officer
second engineer = ship's engineer
third engineer = ship's engineer
# community, education and outdoor work
welfare officer = welfare worker
education review officer = education reviewer
hiking guide = trekking guide
# trades and technicians
agronomy technician = agricultural technician
rf technician = radiocommunications technician
electroplating = electroplater
coachbuilder = coach builder
edgebander = edge bander
qc = quality control
offsider = assistant
forkie = forklift driver
posty = postie
# farms, forests and waterways
fish farm = aquaculture farm
oyster farm = aquaculture farm
salmon farm = aquaculture farm
prawn farm = aquaculture farm
mussel farm = aquaculture farm
sugarcane = sugar cane
cotton farm manager = cotton grower
bush regeneration officer = bush regenerator
weed control officer = weed controller
# more titles as ads write them
elected member = councillor
# the head of a firm's function is the manager the ABS titles name for it
head of engineering = engineering manager
head of finance = finance manager
head of marketing = marketing manager
head of sales = sales manager
head of hr = human resource manager
head of people = human resource manager
executive dean = faculty head
academic registrar = university registrar
raaf = air force
adf = defence force
pilot officer = commissioned defence force officer
flying officer = commissioned defence force officer
flight lieutenant = commissioned defence force officer
squadron leader = commissioned defence force officer
club dj = disc jockey nightclub
mural artist = painter artistic
muralist = painter artistic
ceramicist = ceramic artist
commissioning editor = book editor
immigration adviser = immigration consultant
fishing skipper = master fisher
electronic design engineer = electronics engineer
electronic engineer = electronics engineer
automation test engineer = systems test engineer
test automation engineer = systems test engineer
production support engineer = ict support engineer
application support engineer = ict support engineer
dispute resolution practitioner = family law mediator
digital print operator = digital printer
tab = betting agency
# common occupations in the other words of ads: care and nursing
care partner = personal carer
caregiver = personal carer
caregivers = personal carers
home support worker = personal carer
personal support worker = personal carer
dsw = disabled carer
rest home = aged care
ed nurse = emergency nurse
scrub nurse = perioperative nurse
scout nurse = perioperative nurse
recovery nurse = perioperative nurse
anaesthetic nurse = perioperative nurse
theatre rn = perioperative nurse
psych nurse = mental health nurse
mh nurse = mental health nurse
gp nurse = practice nurse
district nurse = community health nurse
midwifery practitioner = midwife practitioner
cne = clinical nurse educator
# hospitality
dishie = kitchenhand
dishies = kitchenhands
pot washer = kitchenhand
potwasher = kitchenhand
kitchen porter = kitchenhand
coffee maker = barista
mixologist = bar attendant
bar tender = bar attendant
bar person = bar attendant
barperson = bar attendant
waiting staff = waiter
foh = front of house
foh staff = waiter
food runner = waiter
pokies = poker machine
cafe hand = cafe worker
patissier = pastrycook
pub manager = publican
hotel general manager = hotel or motel manager
replenishment assistant = shelf filler
# retail
sales associate = sales assistant
store associate = sales assistant
retail associate = sales assistant
retail sales consultant = sales assistant
shop floor assistant = sales assistant
retail crew = sales assistant
fashion consultant = clothing sales assistant
register operator = checkout operator
till operator = checkout operator
store supervisor = retail supervisor
boutique manager = retail manager
optical assistant = optical dispenser
phone sales consultant = mobile phone salesperson
# trades
leccy = electrician
lecky = electrician
sparkie = electrician
electrical fitter mechanic = electrician
drainlayer = drainer
formworker = formwork carpenter
brush hand = painter
gyprocker = wall and ceiling fixer
plasterboard fixer = wall and ceiling fixer
stopper = wall and ceiling fixer
tile layer = wall and floor tiler
boilo = boilermaker
truck mechanic = diesel motor mechanic
auto tech = motor mechanic
auto technician = motor mechanic
tyre technician = tyre fitter
car painter = vehicle painter
fridgie = refrigeration mechanic
air con = airconditioning
scaffy = scaffolder
dogger = dogman
# drivers: licence classes of New Zealand (class 2 to 5 are trucks)
heavy rigid driver = truck driver
medium rigid driver = truck driver
heavy combination driver = truck driver
tipper driver = truck driver
prime mover driver = truck driver
class 2 driver = truck driver
class 4 driver = truck driver
class 5 driver = truck driver
bus operator = bus driver
coach captain = coach tour driver
limo = limousine
cab driver = taxi driver
loco = locomotive
digger driver = excavator operator
garbo = rubbish collector
order selector = order picker
stores person = storeperson
warehouse associate = storeperson
packhouse worker = fruit packer
packhouse hand = fruit packer
# offices and accounts
office admin = general clerk
office junior = general clerk
office all rounder = general clerk
admin support officer = general clerk
administrative support officer = general clerk
administration support officer = general clerk
clerical assistant = general clerk
front desk coordinator = receptionist
front office coordinator = receptionist
exec = executive
exec assistant = personal assistant
data processor = data processing operator
data capture = data entry
creditors clerk = accounts clerk
creditors officer = accounts clerk
debtors clerk = accounts clerk
debtors officer = accounts clerk
accounts assistant = accounts clerk
billing clerk = accounts clerk
billing officer = accounts clerk
payroll coordinator = payroll clerk
# information technology and engineering
backend = back end
back end developer = developer programmer
back end engineer = software engineer
backend developer = developer programmer
backend engineer = software engineer
frontend engineer = web developer
front end engineer = web developer
swe = software engineer
site reliability engineer = devops engineer
sre = devops engineer
platform engineer = devops engineer
desktop support technician = help desk officer
desktop support officer = help desk officer
sysadmin = systems administrator
sys admin = systems administrator
systems admin = systems administrator
network admin = network administrator
soc analyst = cyber security analyst
infosec = information security
pen tester = penetration tester
manual tester = software tester
traffic engineer = transport engineer
bridge engineer = structural engineer
power systems engineer = electrical engineer
qs = quantity surveyor
# teaching and care of children
prep teacher = primary school teacher
early learning teacher = early childhood teacher
teaching assistant = teachers aide
learning support assistant = teachers aide
crt = casual relief teacher
reliever = relief teacher
vet trainer = vocational education teacher
vet teacher = vocational education teacher
childcare assistant = child care worker
child care assistant = child care worker
assistant educator = child care worker
after school care = out of school hours care
au pair = nanny
# sales, cleaning and security
car yard salesperson = motor vehicle salesperson
contract cleaner = commercial cleaner
home cleaner = domestic cleaner
residential cleaner = domestic cleaner
hotel housekeeper = commercial housekeeper
static guard = security guard
door staff = crowd controller
prison guard = prison officer
cctv operator = surveillance monitor
site labourer = builder's labourer
stop slow operator = traffic controller
lollipop person = traffic controller
# health
mri = magnetic resonance
x ray operator = medical diagnostic radiographer
ultrasound tech = sonographer
allied health assistant = therapy aide
dietician = dietitian
osteo = osteopath
jmo = junior medical officer
house officer = resident medical officer
beautician = beauty therapist
# factories and farms
meatworker = meat process worker
meatworkers = meat process workers
assembly worker = product assembler
assembly line worker = product assembler
milker = dairy cattle farm worker
jackaroo = station hand
jillaroo = station hand
# hospitals: allied health, laboratories and medical ranks
aha = therapy aide
sho = resident medical officer
senior house officer = resident medical officer
career medical officer = resident medical officer
rural generalist = general practitioner
mlt = medical laboratory technician
mls = medical laboratory scientist
cardiac physiologist = cardiac technician
nuclear medicine scientist = nuclear medicine technologist
clinical pharmacist = hospital pharmacist
mchn = child and family health nurse
aboriginal health practitioner = aboriginal and torres strait islander health worker
# New Zealand ads and te reo Māori titles
pou tauwhiro = social worker
whanau ora navigator = community worker
rousie = wool handler
rouseabout = wool handler
skid worker = logging assistant
kiwifruit = fruit
orchard manager = orchardist
stms = traffic controller
ttm operative = traffic controller
locomotive engineer = train driver
# mining and resources
charge up operator = shot firer
nipper = mining support worker
underground service crew = mining support worker
stacker reclaimer operator = bulk materials handling plant operator
ship loader operator = bulk materials handling plant operator
blast engineer = mining engineer
hse = occupational health and safety
fuel truck driver = tanker driver
# police, corrections, emergency services and defence
probationary constable = police officer
police sergeant = police officer
community corrections officer = parole or probation officer
surf lifesaver = lifeguard
abf = border force
abf officer = customs officer
border clearance officer = customs officer
raaf officer = commissioned defence force officer
# universities, TAFE and schools
associate professor = university lecturer
assistant professor = university lecturer
careers consultant = careers counsellor
polytechnic tutor = polytechnic teacher
esol tutor = english as a second language teacher
general services officer = handyperson
# public service and councils
project officer = project administrator
eho = environmental health officer
# agriculture and seasonal work
header driver = harvester operator
header operator = harvester operator
chaser bin driver = agricultural mobile plant operator
chaser bin operator = agricultural mobile plant operator
seeding operator = agricultural mobile plant operator
mushroom harvester = mushroom picker
forestry crew member = forestry worker
farm consultant = agricultural consultant
fishing deckhand = fishing hand
meat processor = meat process worker
sawmill hand = sawmill worker
# community services
sil worker = disabled carer
independent living worker = disabled carer
# trades, transport and ships
steelfixer = steel fixer
concrete placer = concreter
tram operator = tram driver
rail signaller = railway signal operator
integrated rating = deck hand
lame = aircraft maintenance engineer
# agencies, labour hire, big employers and LinkedIn: the words of their
# titles for what the ANZSCO titles call otherwise
# ICT and digital teams
staff engineer = software engineer
solution architect = software architect
solutions architect = software architect
ios engineer = developer programmer
android engineer = developer programmer
ios developer = developer programmer
android developer = developer programmer
webflow developer = web developer
shopify developer = web developer
wordpress developer = web developer
reporting analyst = data analyst
insights analyst = data analyst
bi analyst = data analyst
salesforce administrator = systems administrator
salesforce admin = systems administrator
grc = governance risk and compliance
desktop support = help desk
ux researcher = user experience designer
cx designer = user experience designer
service designer = user experience designer
pmo analyst = project administrator
pmo coordinator = project administrator
nbn = telecommunications
# marketing, communications and people
comms = communications
comms advisor = public relations professional
comms adviser = public relations professional
stakeholder engagement = public relations
seo specialist = digital marketing analyst
sem specialist = digital marketing analyst
performance marketing = digital marketing
brand executive = marketing specialist
marketing executive = marketing specialist
hrbp = human resource adviser
people partner = human resource adviser
talent sourcer = recruitment consultant
employee relations = workplace relations
ld = training and development
hseq = occupational health and safety
site safety officer = occupational health and safety officer
rostering officer = roster clerk
payroll administrator = payroll clerk
# finance and planning
finance business partner = management accountant
paraplanner = financial investment adviser
lending specialist = lending consultant
demand planner = supply chain analyst
supply planner = supply chain analyst
# sales, retail and hospitality
store assistant = sales assistant
car washer = car detailer
caravan sales consultant = caravan salesperson
# trades, plant and drivers
gyprock = plasterboard
gyprock fixer = wall and ceiling fixer
gyprock installer = wall and ceiling fixer
plasterboard installer = wall and ceiling fixer
aircon installer = airconditioning and refrigeration mechanic
airconditioning installer = airconditioning and refrigeration mechanic
roller driver = road roller operator
asphalt labourer = paving and surfacing labourer
pick packers = storepersons
pipelayer = drainage labourer
pipe layer = drainage labourer
counterbalance driver = forklift driver
counterbalance operator = forklift driver
skid steer operator = loader operator
power station operator = power generation plant operator
boiler attendant = boiler operator
signage installer = sign erector
parks labourer = garden labourer
landscape labourer = garden labourer
# farms
dairy hand = dairy cattle farm worker
dairy farm hand = dairy cattle farm worker
stationhand = station hand
# community services and emergency services
police recruit = police officer
dc = distribution centre
# job boards' words for the managers, trades, service, clerical, sales,
# driving and labouring jobs ads are full of
# hospitality, retail, sales and service
nightfill = night filler
shelf stacker = shelf filler
cafe all rounder = cafe worker
bellhop = luggage porter
front office agent = hotel receptionist
pub licensee = publican
leisure centre = sports centre
hairstylist = hairdresser
lash technician = beauty therapist
door knocker = door to door salesperson
outbound sales agent = telemarketer
box office assistant = ticket seller
hire desk consultant = rental clerk
customer banker = bank worker
# offices: the radio despatcher's American spelling
radio dispatcher = radio despatcher
taxi dispatcher = radio despatcher
# care and education of children: vacation care is the school holidays'
# out of school hours care; a diploma educator works in a centre's room;
# an NDIS support worker supports a person with disability
vacation care = out of school hours care
diploma educator = child care worker
ndis support worker = disabled carer
# trades and their assistants
light vehicle technician = motor mechanic
prime mover = truck
lube tech = lube attendant
lube technician = lube attendant
plumbers mate = plumbers assistant
air con installer = airconditioning and refrigeration mechanic
# plant, warehouses, wharves and farms: an LF licence is the forklift's,
# haul trucks and moxies (articulated dump trucks) are mobile plant, a
# lasher secures containers on a ship or wharf, a sharemilker runs a
# dairy herd for a share of the milk
lf operator = forklift driver
lf driver = forklift driver
haul truck operator = mobile plant operator
moxy operator = mobile plant operator
warehouse operations manager = logistics manager
lasher = waterside worker
vineyard hand = vineyard worker
chicken = poultry
sharemilker = dairy cattle farmer
# shorthand of ads and CV headlines: the short words people type for the
# words of titles ("Snr Acct", "Whse Op", "Disability Support Wkr",
# "Ward Clk", "Proj Coord", "Refrig Mech", "FLT Driver", "EWP Op")
wkr = worker
wkrs = workers
wrkr = worker
drvr = driver
drvrs = drivers
clk = clerk
coord = coordinator
mgrs = managers
mktg = marketing
mgmt = management
accts = accounts
prim = primary
surv = surveyor
struct = structural
civ = civil
elec = electrical
chem = chemical
env = environmental
occ = occupational
med = medical
hosp = hospital
refrig = refrigeration
svc = service
svcs = services
cust = customer
proj = project
whse = warehouse
fin = financial
off = officer
dir = director
engr = engineer
mngr = manager
maint = maintenance
mfg = manufacturing
dept = department
ctr = centre
grad = graduate
exp = experienced
op = operator
flt = forklift
ewp = elevated work platform
lv = light vehicle
ag = agricultural
ambo = ambulance officer
ambos = ambulance officers
deckie = deck hand
dishy = kitchenhand
nightfiller = night filler
bricky = bricklayer
kindy = kindergarten
bus analyst = business analyst
legal sec = legal secretary
chiro = chiropractor
paeds = paediatrics
ohs = occupational health and safety
handyman = handyperson
handy man = handyperson
groundsman = groundsperson
electricians mate = electrical trades assistant

# the specialism, setting or client words of ads that decide the occupation
# inside a unit group, as the ABS titles say them
# health and teaching: a PACU is the post-anaesthesia care unit, the
# recovery room; O&G is obstetrics and gynaecology; a qualified educator
# works in a child care centre's room
pacu = recovery
og specialist = obstetrician and gynaecologist
og consultant = obstetrician and gynaecologist
qualified educator = child care worker
# information technology: a technical business analyst and a functional
# analyst of a business system are the ICT analysts; threat intelligence
# is the cyber threat analyst's work
technical business analyst = ict business analyst
functional analyst = systems analyst
threat intelligence analyst = cyber threat analyst
website administrator = web administrator
# engineering and building: continuous improvement is the industrial
# engineer's process improvement; a cost planner is a quantity surveyor,
# a civil designer a civil engineering (design) draftsperson; escalators
# are the lift mechanic's
continuous improvement = process improvement
cost planner = quantity surveyor
civil designer = civil engineering draftsperson
escalator = lift
escalators = lifts
# sales: FMCG are fast-moving consumer goods, whose sales are of the
# personal and household goods of the ABS titles
fmcg sales = personal and household goods sales
head of technology = chief technology officer
# accounts and offices: an assurance associate is an external auditor, as
# an audit associate is; a stores officer is a stores clerk, an order
# administrator an order clerk; a clinical coding officer is a clinical
# coder, a company secretariat the company secretary's; a front desk agent
# receives a hotel's guests
assurance associate = external auditor
stores officer = stores clerk
order administrator = order clerk
clinical coding officer = clinical coder
company secretariat = company secretary
front desk agent = hotel receptionist
# labourers
trolley attendant = trolley collector
scaffolding labourer = scaffolder
rail track = railway track

# more of them: a full stack developer or engineer builds both ends of an
# application, a QA tester tests software, a release engineer runs its
# builds and releases; a structural design engineer is a structural
# engineer; a psych of a clinic is a clinical psychologist; an
# advertising sales executive or consultant sells advertising
full stack developer = developer programmer
fullstack developer = developer programmer
full stack engineer = software engineer
fullstack engineer = software engineer
qa tester = software tester
release engineer = devops engineer
structural design engineer = structural engineer
clinical psych = clinical psychologist
advertising sales executive = advertising sales representative
advertising sales consultant = advertising sales representative

# the occupations no other fit set labelled, in the words ads use for
# them: abbreviations of film crews, nursing, biology, electronics,
# testing, air traffic control and New Zealand's primary health
# organisations (not "ent", which sent an ENT nurse to the surgeon)
dop = director of photography
rehab = rehabilitation
biotech = biotechnology
pcb = printed circuit board
ndt = non destructive testing
atc = air traffic controller
pho = primary health organisation
# joined forms of trades and professions that ANZSCO writes in two words
winemaker = wine maker
winemakers = wine makers
woolclasser = wool classer
sailmaker = sail maker
divemaster = dive master
# words of ads for the words of the ANZSCO titles: a cobbler repairs
# shoes and a bootmaker makes them, a fibreglasser lays up fibreglass, a
# gaffer is a film crew's lighting technician, a copier is a photocopier,
# a lolly is a confection, wagering is betting, an equestrian coach
# teaches horse riding, an intellectual disability is a developmental one;
# almonds, macadamias, pecans and walnuts are nuts; a courtroom is a
# court, a racehorse a horse, a vision switcher a vision mixer
cobbler = shoe repairer
bootmaker = shoemaker
fibreglasser = fibreglass laminator
gaffer = lighting technician
copier = photocopier
lolly = confectionery
wagering = betting
equestrian = horse riding
intellectual disability = developmental disability
almond = nut
almonds = nuts
macadamia = nut
macadamias = nuts
pecan = nut
pecans = nuts
walnut = nut
walnuts = nuts
courtroom = court
racehorse = horse
vision switcher = vision mixer
# sector words: a layer farm is a poultry farm, a pet resort boards pets, a
# New Zealand post shop is a post office, a retail travel centre is a
# travel agency, a cattle property a beef cattle farm, a car wrecker
# dismantles cars, mail processing sorts the post, an asphalt paver is
# paving plant, a letterbox or catalogue distributor delivers leaflets, a
# B&B is a bed and breakfast
layer farm = poultry farm
pet resort = boarding kennel
post shop = post office
travel centre = travel agency
tourism information = tourist information
cattle property = beef cattle farm
car wrecker = automotive dismantler
mail processing = postal sorting
postal processing = postal sorting
shoe factory = footwear factory
asphalt paver = paving plant
letterbox distributor = leaflet deliverer
catalogue distributor = leaflet deliverer
bb = bed and breakfast
# a website's designer and administrator are the web designer and
# administrator ("website" alone is within the title "Website/Blog Editor")
website designer = web designer
# the words ads of 2024-2026 use for work that ANZSCO 2022 names in older
# words. Data, cloud and cyber: DevSecOps and MLOps are devops, an
# observability engineer keeps the platform's monitoring, an applied
# scientist is a data scientist, a low-code or API developer a developer
# programmer, an XR or VR developer a multimedia developer; cloud,
# application, identity and operational-technology security, the
# Essential Eight and vulnerability management are cyber security work,
# a threat hunter a cyber threat analyst, DFIR its incident response
devsecops = devops
mlops = devops
observability engineer = devops engineer
applied scientist = data scientist
low code developer = developer programmer
power apps developer = developer programmer
api developer = developer programmer
xr developer = multimedia developer
vr developer = multimedia developer
cloud support = ict support
cloud security = cyber security
appsec = cyber security
application security = cyber security
ot security = cyber security
identity and access = cyber security
essential eight = cyber security
vulnerability management = cyber security vulnerability assessment
threat hunter = cyber threat analyst
threat hunting = cyber threat analysis
dfir = cyber security incident response
sharepoint administrator = systems administrator
# marketing and content: growth, paid search, marketing automation and
# conversion rate optimisation are marketing and digital marketing; a UGC
# creator makes user-generated content, a YouTube producer video
growth marketer = marketing specialist
head of growth = sales and marketing manager
paid search specialist = digital marketing analyst
paid search = digital marketing
marketing automation specialist = digital marketing analyst
marketing automation = digital marketing
conversion rate optimisation = digital marketing
cro analyst = digital marketing analyst
ugc creator = content creator
social media executive = social media specialist
newsletter editor = periodical editor
youtube = video
# sustainability, ESG, climate, circular economy and net zero work is
# environmental work: its managers, officers and consultants are the
# environmental manager, officer and consultant
sustainability manager = environmental manager
sustainability director = environmental manager
head of sustainability = environmental manager
sustainability officer = environmental officer
sustainability coordinator = environmental officer
sustainability advisor = environmental adviser
sustainability adviser = environmental adviser
sustainability consultant = environmental consultant
esg consultant = environmental consultant
esd consultant = environmental consultant
green star consultant = environmental consultant
climate risk consultant = environmental consultant
climate change officer = environmental officer
circular economy officer = environmental officer
waste minimisation officer = environmental officer
decarbonisation engineer = environmental engineer
emissions reporting accountant = carbon accountant
emissions accountant = carbon accountant
# renewables and electrification: the grid connection and electrification
# engineers are electrical engineers, battery and EV charger installers
# are electricians, a hydrogen plant makes an industrial gas
grid connection engineer = electrical engineer
electrification engineer = electrical engineer
battery storage engineer = electrical engineer
battery installer = electrician
ev charger installer = electrician
ev charging technician = electrician
ev sales consultant = motor vehicle salesperson
hydrogen plant operator = industrial gas production operator
hydrogen production operator = industrial gas production operator
# drones and robots: a drone or RPAS is an unmanned aerial vehicle; a
# robotics engineer is a mechatronics engineer
drone = unmanned aerial vehicle
drones = unmanned aerial vehicles
rpas = unmanned aerial vehicle
robotics engineer = mechatronics engineer
# care: NDIS support practitioners and lifestyle support workers support
# people with disability
disability support practitioner = disabled carer
lifestyle support worker = disabled carer
# warehouses, online orders and delivery: a dark store is a small
# warehouse for online orders, a pick pack associate picks and packs them
dark store = warehouse
pick pack associate = storeperson
dispatch coordinator = despatch clerk
# sales, hospitality and retail
sales development representative = ict sales representative
brand ambassador = sales demonstrator
checkout host = checkout operator
coffee specialist = barista
guest experience agent = hotel receptionist
pilates instructor = fitness instructor
# trades and plant of tunnels and rail: a tunnel boring machine's operator
# is a tunneller; a tamping machine works the railway track
tbm operator = tunneller
tbm = tunnel boring machine
tunnel boring machine = tunneller
tamping machine operator = railway track plant operator
rail corridor = railway track
structured cabling technician = cabler
# mental health and disability: a peer worker, peer practitioner or
# recovery coach draws on lived experience to support people in the
# community; a local area coordinator links people to the NDIS
peer worker = community worker
peer practitioner = community worker
peer support = community support
lived experience worker = community worker
recovery coach = community support worker
local area coordinator = disabilities services officer
# the rest: a fragrance consultant sells cosmetics; a fulfilment centre's
# manager runs a distribution centre; chillers and cooling plant are
# refrigeration, a heat pump an airconditioning and refrigeration job;
# data annotators and labellers enter data for models
fragrance consultant = cosmetic sales assistant
fulfilment centre manager = logistics manager
cooling technician = refrigeration mechanic
chiller technician = refrigeration mechanic
heat pump installer = airconditioning and refrigeration mechanic
data annotator = data entry operator
data labeller = data entry operator
# a data architect designs databases; people operations are human
# resources; a software engineering manager leads software development
data architect = database designer
people operations = human resource
software engineering manager = ict development manager
# a cloud architect designs software systems on cloud platforms, as a
# solutions architect does; a robotics technician keeps automated plant
# running; a sustainability analyst is an environmental consultant's
# work; a virtual assistant is a personal assistant working remotely
cloud architect = software architect
robotics technician = automation technician
sustainability analyst = environmental consultant
virtual assistant = personal assistant
# an EV charger technician installs and repairs chargers, electricians'
# work; a delivery associate of the parcel networks drives their vans
ev charger technician = electrician
delivery associate = delivery driver

# the words of small businesses', farms' and community posts for the
# worker: a person, help, staff, a girl, boy, lady or man of a counter,
# kitchen, checkout, office or motel; farm and station slang (a servo is
# a service station, a chook a chicken, a ringer a station hand, a
# strapper a stablehand, crutching is shearers' work, sheep and beef and
# sheep and cropping farms the mixed farms ANZSCO names) and the plurals
# such posts use ("Apple pickers wanted", "Prawn packers needed")
admin person = general clerk
admin help = general clerk
girl friday = general clerk
accounts person = accounts clerk
counter person = sales assistant
counter staff = sales assistant
shop girl = sales assistant
retail help = sales assistant
sales person = salesperson
checkout staff = checkout operator
kitchen staff = kitchenhand
kitchen help = kitchenhand
motel cleaner = commercial housekeeper
motel housekeeper = commercial housekeeper
cleaning lady = domestic cleaner
ironing lady = ironer
maintenance man = handyperson
odd job person = handyperson
odd jobs person = handyperson
trolley boy = trolley collector
trolley boys = trolley collectors
barmaid = bar attendant
barmaids = bar attendants
babysitter = nanny
babysitters = nannies
pastor = minister of religion
servo = service station
chook = poultry
chooks = poultry
pub = hotel
piggery manager = pig farm manager
sheep and beef = cattle and sheep
beef and sheep = cattle and sheep
sheep and cropping = crop and livestock
cropping and sheep = crop and livestock
ringer = station hand
ringers = station hands
strapper = stablehand
strappers = stablehands
crutcher = shearer
crutchers = shearers
fish farm hand = aquaculture worker
oyster farm hand = aquaculture worker
cray deckie = cray fishing hand
crayfish = cray
packhouse staff = fruit packer
apple pickers = fruit pickers
strawberry pickers = fruit pickers
berry pickers = fruit pickers
veggie = vegetable
veggies = vegetables
prawn packer = seafood packer
prawn packers = seafood packers
filleter = seafood process worker
fish filleter = seafood process worker
grader driver = grader operator
loader driver = loader operator
dozer driver = bulldozer operator
lifty = chairlift operator
lifties = chairlift operators
windscreen tech = windscreen fitter
letterbox walker = leaflet deliverer
letterbox walkers = leaflet deliverers
door knockers = door to door salespersons
paper run = newspaper deliverer
lawn mowing = lawn mower

# an electrician's offsider or assistant is the electrical trades
# assistant, a freezing works (New Zealand) a meatworks; a gaming room's
# attendant, a piggery's hand, a vineyard's pruner and a cattle station's
# head stockman are the occupations ANZSCO names for them
electricians offsider = electrical trades assistant
electricians assistant = electrical trades assistant
freezing works = meatworks
gaming room attendant = gaming worker
piggery hand = piggery farm worker
piggery hands = piggery farm workers
vineyard pruner = vineyard worker
vineyard pruners = vineyard workers
vine pruner = vineyard worker
vine pruners = vineyard workers
head stockman = overseer

# a dog groomer is the pet groomer, also when the groomer is mobile
dog groomer = pet groomer
dog groomers = pet groomers
mobile dog groomer = pet groomer

# everyday names of ads and CVs that ANZSCO words otherwise
barback = bar back
barbacks = bar backs
glass collector = glassie
glass collectors = glassies
doorman = doorperson
doormen = doorpersons
fisherman = fishing hand
fishermen = fishing hands
videographer = video camera operator
videographers = video camera operators
myotherapist = remedial masseur
myotherapists = remedial masseurs
stocktaker = stock clerk
stocktakers = stock clerks
nurseryman = nurseryperson
nurserymen = nurserypersons
stock replenisher = shelf filler
stock replenishers = shelf fillers
fuel attendant = service station attendant
fuel attendants = service station attendants
window washer = window cleaner
window washers = window cleaners
tree lopper = tree worker
tree loppers = tree workers
powerline worker = electrical linesworker
powerline workers = electrical linesworkers
asbestos removalist = asbestos remover
asbestos removalists = asbestos removers
graffiti remover = graffiti cleaner
graffiti removers = graffiti cleaners
cane cutter = sugar cane farm worker
cane cutters = sugar cane farm workers
grain farmer = grain grower
grain farmers = grain growers
cotton farmer = cotton grower
cotton farmers = cotton growers
shuttle driver = minibus driver
shuttle drivers = minibus drivers
freight forwarder = customs agent
freight forwarders = customs agents

[noise cv]
# the words of CV headlines and ads around the title: what the person
# seeks ("Experienced Forklift Driver seeking full-time work"), how they
# describe themselves, what they bring (own tools or transport, an ABN),
# and the hours ("Mon–Fri, no weekends!"); not an own car, van, ute or
# truck, which says a delivery driver ("Last Mile Driver - Own Van")
\b(?:seeking|looking for|available for|open to)(?:\s(?:new|a|an|full[- ]?time|part[- ]?time|casual|permanent|temporary|fifo|dido|local|ongoing|immediate|suitable|first|next))*\s(?:work|role|roles|position|positions|employment|job|jobs|opportunit(?:y|ies)|shifts|contracts?)\b
\b(?:motivated|hard ?working|reliable|dedicated|enthusiastic|passionate)\b
\bown (?:tools|transport|gear|abn)\b
\babn\b
\bhrly\b
\bmon\s?[-–]\s?fri\b
\bno weekends\b

[noise employer]
# the names of big employers, chains and recruitment agencies that ads put
# before or after the title: no occupation title holds them
\b(?:woolworths|coles|aldi|kmart|bunnings|officeworks|myer|harvey norman|jb hi ?-?fi|chemist warehouse|specsavers|mcdonald'?s|domino'?s|hungry jack'?s|goodstart|telstra|optus|westpac|commbank|hays|randstad|adecco|chandler macleod|workpac)\b

[noise qualification]
# the certificate a trade or care title asks for ("Cert III Carpenter")
\bcert\.?(?:\s?(?:i{1,3}|iv|[1-4]))?\b

[noise classification]
# the classifications of hospital, university and school awards before or
# after a title: health service officer and health professional grades
# (HSO3, HP4), higher education worker levels (HEW 5), postgraduate years
# of junior doctors (PGY2), Victorian teachers' ranges (Range 1)
\b(?:hso|hp|hew|pgy)\s?\d+\b
\brange\s[1-5]\b

[noise post]
# the words of small businesses', farms' and community posts around the
# title ("Kitchen Help Wanted", "Hiring: Deckhand", "Looking for a
# reliable cleaner", "Chippies needed - cash or ABN, start Monday",
# "Cook wanted for roadhouse - live in, accommodation supplied"): none is
# a word of an occupation title
\bwanted\b
^(?:now )?hiring(?: now)?\s?:
^help wanted\b
\bapply (?:within|in store|in person)\b
\b(?:we are |we're |we re )?looking for(?: an?| some(?:one|body)(?: to)?)?\b
\bjoin our (?:\w+ )?team\b
\b(?:cash|good|top) (?:rates|pay|money)\b
\bpiece rates\b
\bcash (?:start|weekly|in hand|jobs?|work)\b
\bstart (?:monday|tuesday|wednesday|thursday|friday|tomorrow|today|this week|next week)\b
\b(?:accommodation|house|housing|meals|food and board) (?:supplied|provided|available|included)\b
\b(?:steady|ongoing|regular) work\b
\ball (?:jobs|work) considered\b
\bmust have\b
\bbusy\b
