"""Word lists the rule-based recognizer leans on: places, organisations, names, titles.

Two kinds of data. Hand-written lists below (written for this project): countries, regions,
well-known organisations and their acronyms, titles, nationality words, organisation and
place head nouns, and the capitalised English words that open sentences. Larger lists in
``data/`` built by ``benchmarks/ner_data/make_gazetteers.py`` from openly licensed sources:
``places.txt`` from GeoNames (CC BY 4.0, credited in NOTICE; cities, and towns whose
words have no other reading), ``given_names.txt`` and
``surnames.txt`` from the 1990 US Census name files (public domain),
``world_given_names.txt`` (Latin-script given names of many countries) from Faker's locale
lists (MIT), ``legal_forms.txt`` (company legal forms: "GmbH", "S.A.", "Pvt.") from
cleanco's term list (MIT), and ``english_words.txt`` (lower-case English words) from SCOWL
(its permissive licence); NOTICE credits each. Kept apart from the
rules so the data can grow without touching them. Everything is loaded once, at import
(well under the 0.3 s load budget): frozensets of strings, nothing compiled per call.
"""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


def _words(block: str) -> frozenset[str]:
    return frozenset(line.strip() for line in block.strip().splitlines() if line.strip())


def _load(name: str) -> frozenset[str]:
    """One name per line from the shipped data folder (built clean: no blanks around)."""
    return frozenset((_DATA / name).read_text(encoding="utf-8").split("\n")) - {""}


COUNTRIES = _words("""
Afghanistan
Albania
Algeria
Andorra
Angola
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahrain
Bangladesh
Belarus
Belgium
Bolivia
Bosnia
Bosnia and Herzegovina
Brazil
Bulgaria
Burkina Faso
Cambodia
Cameroon
Canada
Chad
Chile
China
Colombia
Congo
Croatia
Cuba
Cyprus
Czech Republic
Czechia
Denmark
Egypt
Estonia
Ethiopia
Finland
France
Georgia
Germany
Ghana
Greece
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Japan
Jordan
Kazakhstan
Kenya
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Libya
Lithuania
Luxembourg
Mali
Malaysia
Mexico
Moldova
Mongolia
Montenegro
Morocco
Myanmar
Nepal
Netherlands
New Zealand
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Palestine
Panama
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Russian Federation
Rwanda
Saudi Arabia
Serbia
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea
Spain
Sri Lanka
Sudan
South Sudan
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Tunisia
Turkey
Turkmenistan
Uganda
Ukraine
United Arab Emirates
UAE
United Kingdom
UK
Britain
Great Britain
United States
US
USA
U.S.
Uruguay
Uzbekistan
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
Bosnia-Herzegovina
North Korea
South Korea
United States
United States of America
United Kingdom
Great Britain
Britain
England
Scotland
Wales
Northern Ireland
America
Holland
Ivory Coast
East Timor
Vatican
Palestine
Taiwan
Tibet
Hong Kong
Macau
Puerto Rico
Greenland
Russian Federation
""")

CITIES_AND_REGIONS = _words("""
Minsk
Moscow
St. Petersburg
Saint Petersburg
Kiev
Kyiv
Kharkiv
Odessa
Donetsk
Luhansk
Crimea
Donbass
Donbas
Kursk
Belgorod
Kaliningrad
Grodno
Brest
Gomel
Vitebsk
Mogilev
Astana
Almaty
Tashkent
Bishkek
Dushanbe
Baku
Yerevan
Tbilisi
Chisinau
Warsaw
Vilnius
Riga
Tallinn
Helsinki
Stockholm
Oslo
Copenhagen
Berlin
Paris
London
Madrid
Rome
Vienna
Prague
Budapest
Bucharest
Sofia
Belgrade
Athens
Ankara
Istanbul
Brussels
Amsterdam
The Hague
Geneva
Bern
Lisbon
Dublin
Washington
New York
Los Angeles
Chicago
Beijing
Shanghai
Hong Kong
Tokyo
Seoul
Pyongyang
New Delhi
Delhi
Mumbai
Islamabad
Kabul
Tehran
Baghdad
Damascus
Beirut
Jerusalem
Tel Aviv
Gaza
West Bank
Cairo
Riyadh
Doha
Dubai
Abu Dhabi
Sydney
Canberra
Melbourne
Ottawa
Toronto
Brasilia
Buenos Aires
Havana
Caracas
Mexico City
Pretoria
Johannesburg
Nairobi
Addis Ababa
Lagos
Europe
Asia
Africa
Eurasia
Middle East
Latin America
North America
South America
Arctic
Antarctica
Baltic
Black Sea
Caspian Sea
Mediterranean
Caucasus
Siberia
Far East
Balkans
Scandinavia
West
Middle East
Near East
East Asia
Southeast Asia
South Asia
Central Asia
Central America
Western Europe
Eastern Europe
Central Europe
Northern Europe
Southern Europe
North Africa
West Africa
East Africa
Sub-Saharan Africa
Horn of Africa
Persian Gulf
Gulf
Red Sea
South China Sea
East China Sea
Pacific
Atlantic
Indian Ocean
Pacific Ocean
Atlantic Ocean
Arctic Ocean
Mediterranean Sea
North Sea
Great Lakes
Midwest
Upper Midwest
Northeast
Northwest
Southeast
Southwest
New England
Deep South
Silicon Valley
Wall Street
Northern Hemisphere
Southern Hemisphere
Amazon
Sahara
Alps
Himalayas
Golan Heights
Sinai
Kashmir
Punjab
Bavaria
Catalonia
Quebec
Ontario
British Columbia
Alberta
Queensland
Tasmania
Siberia
Chechnya
Dagestan
Transnistria
Abkhazia
South Ossetia
Nagorno-Karabakh
Zaporizhzhia
Kherson
Mariupol
Bakhmut
Avdiivka
Xinjiang
Gaza Strip
Rafah
Khan Younis
Hebron
Ramallah
Nablus
Jenin
Jerusalem
Tel Aviv
East Jerusalem
Kurdistan
Darfur
Donbas
Hollywood
Manhattan
Brooklyn
Queens
Bronx
Capitol Hill
Downing Street
Whitehall
Westminster
Brussels
Davos
""")

# A country's short forms: acronyms and the capitalised shorthand of news copy.
PLACE_ALIASES = _words("""
Islamic Republic
Islamic Republic of Iran
Eurozone
US
U.S.
U.S.A.
USA
UK
U.K.
UAE
DRC
PRC
DPRK
""")

# Short names and nicknames of cities, states and regions that news copy uses alone
# ("what happened in Vegas", "the Windy City"): common knowledge, written for briefreader.
PLACE_ALIASES = PLACE_ALIASES | _words("""
Vegas
Philly
Big Apple
Windy City
Motor City
Big Easy
Sin City
Twin Cities
Beantown
Music City
Mile High City
Emerald City
Steel City
City of Angels
Bay Area
Rust Belt
Bible Belt
Sun Belt
Corn Belt
Down Under
Lone Star State
Sunshine State
Golden State
Garden State
Tri-State Area
""")

# Seats of US legislatures named alone as the building ("teachers surrounded the
# Statehouse", "outside the Capitol"): places, and heads of "Indiana Statehouse".
PLACE_ALIASES = PLACE_ALIASES | _words("""
Statehouse
Capitol
""")

# US state postal codes: a place only after "City, " ("College Station, TX").
STATE_CODES = _words("""
AL
AK
AZ
AR
CA
CO
CT
DE
FL
GA
HI
ID
IL
IN
IA
KS
KY
LA
ME
MD
MA
MI
MN
MS
MO
MT
NE
NV
NH
NJ
NM
NY
NC
ND
OH
OK
OR
PA
RI
SC
SD
TN
TX
UT
VT
VA
WA
WV
WI
WY
DC
""")

# AP-style state abbreviations, written with a full stop after "City, " ("Grand Isle, La.").
STATE_ABBREVIATIONS = _words("""
Ala
Ariz
Ark
Calif
Colo
Conn
Del
Fla
Ga
Ill
Ind
Kan
Ky
La
Md
Mass
Mich
Minn
Miss
Mo
Mont
Neb
Nev
Okla
Ore
Pa
Tenn
Tex
Va
Vt
Wash
Wis
Wyo
""")

# One-word US state names ("Lincoln, Nebraska"; the two-word ones open with a place word).
US_STATES = _words("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
""")

PLACES = COUNTRIES | CITIES_AND_REGIONS | PLACE_ALIASES | _load("places.txt")

ORGANISATIONS = _words("""
TASS
RIA Novosti
Interfax
Reuters
AP
Associated Press
AFP
BBC
CNN
NBC
CBS
ABC
Fox News
MSNBC
NPR
PBS
Bloomberg
Al Jazeera
Xinhua
Yonhap
Kyodo
BelTA
New York Times
Washington Post
Wall Street Journal
Financial Times
The Economist
Economist
Guardian
Forbes
Politico
Axios
TIME
Newsweek
Union State
State Duma
Duma
Federation Council
Kremlin
White House
Pentagon
Congress
Senate
House of Representatives
House of Commons
House of Lords
Bundestag
Knesset
Parliament
Supreme Court
Federal Reserve
Fed
Interpol
Europol
NATO
UN
U.N.
United Nations
UN Security Council
Security Council
UNESCO
UNICEF
UNHCR
EU
European Union
European Commission
European Parliament
European Central Bank
CSTO
CIS
SCO
BRICS
G7
G20
ASEAN
African Union
Arab League
EAEU
Eurasian Economic Union
OSCE
IAEA
WHO
IMF
World Bank
WTO
OPEC
Amnesty International
Human Rights Watch
Red Cross
Red Crescent
Doctors Without Borders
Greenpeace
Gazprom
Rosneft
Rosatom
Roscosmos
NASA
FSB
SVR
GRU
CIA
FBI
NSA
KGB
DHS
EPA
FDA
CDC
FAA
TSA
SEC
IRS
Mossad
Shin Bet
Hamas
Hezbollah
Taliban
Islamic State
ISIS
ISIL
Al Qaeda
al-Qaeda
Houthis
Wagner
GOP
Labour
Tories
Google
Alphabet
Apple
Microsoft
Amazon.com
Meta
Facebook
Instagram
Twitter
YouTube
TikTok
OpenAI
Tesla
SpaceX
Boeing
Airbus
ExxonMobil
Exxon
Chevron
Shell
BP
Toyota
Samsung
Huawei
Walmart
Goldman Sachs
JPMorgan
Morgan Stanley
Citigroup
Pfizer
Moderna
Netflix
Disney
Uber
Nvidia
Intel
IBM
Delta
United Airlines
American Airlines
Southwest Airlines
Amtrak
AAA
AT&T
Verizon
T-Mobile
Comcast
Charter
Sony
Nintendo
Panasonic
Toshiba
Hitachi
Honda
Nissan
Hyundai
Kia
Volkswagen
BMW
Mercedes-Benz
Daimler
Ford
General Motors
GM
Chrysler
Stellantis
Siemens
Bosch
Philips
Nokia
Ericsson
LG
Lenovo
Xiaomi
Alibaba
Tencent
Baidu
ByteDance
Oracle
Cisco
Dell
HP
Qualcomm
AMD
Adobe
Salesforce
PayPal
eBay
Yahoo
Twitter
Snapchat
Pinterest
LinkedIn
Reddit
Spotify
Airbnb
Lyft
DoorDash
Starbucks
McDonald's
Coca-Cola
PepsiCo
Nike
Adidas
Target
Costco
Kroger
Home Depot
Lowe's
Best Buy
Procter & Gamble
Johnson & Johnson
Merck
AstraZeneca
Novartis
Roche
GlaxoSmithKline
Sanofi
Bayer
BlackRock
Citibank
Wells Fargo
Bank of America
Barclays
HSBC
UBS
Credit Suisse
Deutsche Bank
Visa
Mastercard
American Express
FedEx
UPS
Lockheed Martin
Raytheon
Northrop Grumman
General Electric
GE
Caterpillar
3M
Halliburton
TotalEnergies
Saudi Aramco
Aramco
Lukoil
Sberbank
TiVo
Warner Bros.
Paramount
HBO
ESPN
Hulu
Harvard
Yale
Princeton
Stanford
MIT
Columbia
""")

# More companies, media, agencies, parties, leagues and clubs that news names with no
# description ("Motorola boxes", "Capcom's 1990 platformer"), the regional Federal Reserve
# banks by their short names ("Dallas Fed"): common knowledge, written for briefreader.
# Names that are also census surnames or places are left out (Suzuki, Santander).
ORGANISATIONS = ORGANISATIONS | _words("""
Motorola
Canon
Nikon
Fujitsu
Kodak
Xerox
Compaq
Acer
Asus
Logitech
Western Digital
Seagate
Micron
Broadcom
Texas Instruments
TSMC
SoftBank
Rakuten
Uniqlo
Foxconn
Alcatel-Lucent
Vodafone
Telefónica
Deutsche Telekom
Cingular
Qwest
Time Warner
Time Warner Cable
Viacom
NBCUniversal
Dish Network
DirecTV
Roku
Blockbuster
Sirius XM
SiriusXM
Pandora
Dropbox
Twitch
Discord
Tumblr
MySpace
Groupon
Zynga
Yelp
Etsy
Shopify
Stripe
Robinhood
Coinbase
Binance
FTX
WeWork
Palantir
Anthropic
DeepMind
Mozilla
Wikipedia
Wikimedia Foundation
WikiLeaks
Wikileaks
Craigslist
Expedia
TripAdvisor
Priceline
Zillow
Wayfair
Instacart
Grubhub
Deliveroo
Bing
Sears
Kmart
JCPenney
J.C. Penney
Nordstrom
Walgreens
CVS
Rite Aid
Safeway
Whole Foods
Trader Joe's
Aldi
Lidl
Tesco
IKEA
Ikea
H&M
Zara
Gucci
Prada
Louis Vuitton
LVMH
Chanel
L'Oréal
Unilever
Nestlé
Nestle
Kraft Heinz
Mondelez
General Mills
Kellogg's
Tyson Foods
DuPont
BASF
Burger King
KFC
Wendy's
Taco Bell
Pizza Hut
Domino's
Chipotle
Krispy Kreme
Citi
BNP Paribas
Société Générale
Lloyds
NatWest
Royal Bank of Scotland
Standard Chartered
Nomura
Charles Schwab
Berkshire Hathaway
Lehman Brothers
Bear Stearns
Merrill Lynch
AIG
Fannie Mae
Freddie Mac
Moody's
Standard & Poor's
S&P
Nasdaq
NYSE
New York Stock Exchange
London Stock Exchange
Piper Jaffray
Lazard
KKR
Blackstone
Bridgewater
ConocoPhillips
Valero
Schlumberger
Baker Hughes
Equinor
Repsol
Petrobras
Pemex
PetroChina
Sinopec
Novatek
Transneft
Audi
Porsche
Volvo
Renault
Peugeot
Fiat
Lamborghini
Subaru
Mazda
Mitsubishi
BYD
Geely
Rivian
General Dynamics
BAE Systems
Thales
Rheinmetall
Embraer
Bombardier
Elbit
Elbit Systems
Israel Aerospace Industries
NSO Group
Kaspersky
Eli Lilly
Bristol-Myers Squibb
AbbVie
Amgen
Gilead
Biogen
Regeneron
BioNTech
Novavax
Teva
GSK
Lufthansa
British Airways
Air France
KLM
Emirates
Qatar Airways
Etihad
Ryanair
easyJet
JetBlue
Alaska Airlines
Aeroflot
Air Canada
Qantas
Cathay Pacific
Singapore Airlines
Korean Air
Maersk
Capcom
Sega
Konami
Square Enix
Ubisoft
Electronic Arts
Activision
Activision Blizzard
Riot Games
Valve
Epic Games
Atari
Bandai Namco
Lucasfilm
Pixar
Marvel
DreamWorks
Lionsgate
MGM
20th Century Fox
Sony Pictures
Columbia Pictures
Universal Pictures
Warner Music
Universal Music
Live Nation
Ticketmaster
USA Today
Los Angeles Times
LA Times
Chicago Tribune
Boston Globe
CNBC
Fox Business
Sky News
Daily Mail
Telegraph
Der Spiegel
Le Monde
Haaretz
Times of Israel
NHK
South China Morning Post
Nikkei
BuzzFeed
HuffPost
Huffington Post
Business Insider
TechCrunch
Engadget
The Verge
Mashable
Gizmodo
CNET
ZDNet
Ars Technica
Deadline
Variety
Hollywood Reporter
Rolling Stone
Billboard
Gawker
Salon
The Atlantic
New Yorker
New York Post
Daily Beast
ProPublica
Breitbart
C-SPAN
Telemundo
Univision
Al Arabiya
RT
Sputnik
Ukrinform
Deutsche Welle
France 24
Euronews
Agence France-Presse
AOL
MSN
NIH
NOAA
NTSB
FEMA
ATF
DEA
ICE
CBP
USDA
HHS
DOJ
DOD
USPS
Postal Service
Secret Service
National Guard
Marine Corps
Border Patrol
FCC
FTC
CFPB
FDIC
CBO
GAO
NSC
Census Bureau
Scotland Yard
MI5
MI6
GCHQ
Bundesbank
Bank of England
Bank of Japan
ECB
Fatah
PLO
IDF
PKK
YPG
SDF
al-Shabaab
Boko Haram
Hayat Tahrir al-Sham
Islamic Jihad
Muslim Brotherhood
Proud Boys
Oath Keepers
Ku Klux Klan
KKK
ICC
ICJ
WFP
UNDP
UNRWA
OECD
Mercosur
APEC
Council of Europe
Eurogroup
Frontex
CERN
ESA
JAXA
ISRO
WWF
Oxfam
Save the Children
MSF
ACLU
NAACP
NRA
AARP
Planned Parenthood
Brookings
Brookings Institution
RAND
Pew
Pew Research Center
YouGov
Ipsos
Quinnipiac
DNC
RNC
ANC
BJP
CDU
SPD
AfD
Likud
SNP
Sinn Féin
Fidesz
United Russia
Syriza
Podemos
NFL
NBA
MLB
NHL
MLS
NCAA
FIFA
UEFA
IOC
WADA
ATP
WTA
PGA
NASCAR
Premier League
Real Madrid
Manchester United
Manchester City
Arsenal
Bayern Munich
Juventus
Yankees
Red Sox
Lakers
Celtics
Caltech
Johns Hopkins
UCLA
NYU
Northwestern
Vanderbilt
Rutgers
Dallas Fed
New York Fed
Boston Fed
Philadelphia Fed
Cleveland Fed
Richmond Fed
Atlanta Fed
Chicago Fed
St. Louis Fed
Minneapolis Fed
Kansas City Fed
San Francisco Fed
""")

# A capitalised run that ends in one of these names an organisation
# ("Belarusian Defense Ministry", "Pennsylvania Department of Transportation").


def _phrase_lengths(*lists: frozenset[str]) -> dict[str, int]:
    """For each word that opens a several-word name, the most words such a name has.

    The recognizer looks up the longest known name at each capitalised word; this tells it
    how many words can match at all, so most words cost one lookup instead of six joins.
    """
    longest: dict[str, int] = {}
    for names in lists:
        for name in [n for n in names if " " in n]:
            words = name.split(" ")
            longest[words[0]] = max(longest.get(words[0], 1), len(words))
    return longest


# News outlets and news or fact-checking websites that copy names alone, often with no
# description ("retweeted an article by Vulture", "Snopes found"): common knowledge,
# written for briefreader. Names that are census surnames, places or ordinary capitalised
# words (Slate, Fortune, the Hill, the Intercept) are left out.
ORGANISATIONS = ORGANISATIONS | _words("""
Vulture
Politifact
PolitiFact
Snopes
Vox
Mediaite
TMZ
Deadspin
Jezebel
Recode
Pitchfork
Kotaku
IGN
Eurogamer
Esquire
GQ
Vogue
Teen Vogue
Cosmopolitan
Upworthy
Infowars
InfoWars
Newsmax
Truthout
Gothamist
Stereogum
Uproxx
Bustle
Refinery29
Digiday
Adweek
Bellingcat
Semafor
Grist
Thrillist
Vocativ
Lifehacker
Jalopnik
Wonkette
Townhall
RedState
Newser
Ynet
Al-Monitor
Slashdot
Verge
Daily Caller
Daily Wire
Daily Kos
Mother Jones
Vanity Fair
Drudge Report
Punchbowl News
Washington Examiner
National Review
Yahoo News
Yahoo Finance
Google News
Raw Story
Talking Points Memo
Entertainment Weekly
Us Weekly
Page Six
Consumer Reports
Scientific American
Popular Science
New Scientist
MIT Technology Review
""")

# Teams of the North American major leagues by nickname, as sports copy names them alone
# ("the Steelers", "Browns DL Sheldon Richardson"): common knowledge, written for
# briefreader. Nicknames that are ordinary words, surnames, places, titles or nationality
# words in other copy are left out (Wild, Heat, Magic, Jazz, Kings, Stars, Blues, Bills,
# Hawks, Senators, Capitals, Nationals, Cardinals, Texans, Rockies, Twins, Royals).
ORGANISATIONS = ORGANISATIONS | _words("""
Dolphins
Patriots
Jets
Ravens
Bengals
Browns
Steelers
Colts
Jaguars
Titans
Broncos
Chiefs
Raiders
Chargers
Cowboys
Giants
Eagles
Redskins
Bears
Lions
Packers
Vikings
Falcons
Panthers
Saints
Buccaneers
Rams
Seahawks
Nets
Knicks
Raptors
Bulls
Cavaliers
Pistons
Pacers
Bucks
Hornets
Wizards
Nuggets
Timberwolves
Trail Blazers
Warriors
Clippers
Suns
Mavericks
Rockets
Grizzlies
Pelicans
Spurs
Bruins
Sabres
Canadiens
Maple Leafs
Hurricanes
Devils
Islanders
Rangers
Flyers
Penguins
Red Wings
Blue Jackets
Blackhawks
Predators
Ducks
Coyotes
Flames
Oilers
Sharks
Canucks
Golden Knights
Mets
White Sox
Orioles
Blue Jays
Tigers
Astros
Athletics
Mariners
Angels
Padres
Marlins
Phillies
Braves
Dodgers
Diamondbacks
Cubs
Pirates
Brewers
""")

KNOWN_PHRASE_LENGTHS = _phrase_lengths(ORGANISATIONS, PLACES)

# Company legal forms ("GmbH", "S.A.", "Pvt.", "Sdn Bhd"), each also without its last full
# stop, which the tokenizer keeps only after initials and known abbreviations.
LEGAL_FORMS = _load("legal_forms.txt") | frozenset("Inc. Corp. Co. Ltd. LLC".split())
LEGAL_FORMS = LEGAL_FORMS | frozenset(f.rstrip(".") for f in LEGAL_FORMS)


ORG_HEADS = (
    _words("""
Ministry
Communications
Pharmaceuticals
Entertainment
Networks
Gaming
Enterprises
Labs
Foods
Brands
Securities
Ventures
Studios
Semiconductor
Restaurant
Ministries
Forces
Force
Army
Navy
Guard
Council
Committee
Commission
Agency
Service
Office
Department
Duma
Parliament
Assembly
Congress
Senate
Court
Tribunal
Bank
Reserve
Party
Union
Organization
Organisation
Institute
Institution
University
College
School
Academy
Laboratory
Corporation
Company
Group
Fund
Foundation
Association
Federation
Front
League
Board
Chamber
Command
Directorate
Administration
Government
Cabinet
Secretariat
Bureau
Police
Panel
Authority
Conference
Coalition
Alliance
Movement
Brigade
Brigades
Battalion
Regiment
Division
Corps
Club
Society
Trust
Network
Times
Post
Herald
Tribune
Journal
News
Airlines
Airways
Express
Motors
Holdings
Industries
Technologies
Systems
Partners
Capital
Media
Press
Inc
Inc.
Ltd
Ltd.
LLC
Corp
Corp.
Co.
PLC
AG
SA
GmbH
International
Worldwide
Robotics
Aerospace
Therapeutics
Pharma
Biosciences
Biotech
Semiconductors
Logistics
Analytics
Laboratories
Petroleum
Railways
Automotive
""")
    | LEGAL_FORMS
)

# Heads that are only an ORG with something specific in front ("the Government" is generic).
GENERIC_ORG_WORDS = _words("""
Government
Opposition
Army
Navy
Parliament
Police
Court
Cabinet
Ministry
Council
Committee
Party
Union
Federation
Group
Company
Department
Office
Agency
Service
Board
Administration
School
University
College
Bank
Force
Forces
Guard
International
News
Press
Media
Network
Times
Post
Express
Capital
Partners
Systems
Club
Division
Corps
League
Panel
Conference
Reserve
""")

# A capitalised run that ends in one of these names a place ("Ben Gurion Airport").
PLACE_HEADS = _words("""
Area
Statehouse
Capitol
Airport
Airbase
Base
Station
Street
Avenue
Road
Highway
Bridge
Square
Tower
Towers
Dome
Stadium
Arena
Park
Palace
Port
Harbor
Harbour
River
Lake
Lakes
Mountain
Mountains
Mount
Hills
Valley
Island
Islands
Peninsula
Bay
Gulf
Sea
Ocean
Strait
Canal
Desert
Coast
County
Province
Region
Oblast
District
Prefecture
Monument
Castle
Cathedral
Infirmary
Hospital
Place
State
Territory
Territories
Hemisphere
City
Village
Camp
Shore
Beach
Falls
Canyon
Glacier
Plateau
Reef
Creek
Heights
Springs
Basin
Ridge
Forest
""")

# Place heads that are generic on their own or need a name in front.
GENERIC_PLACE_WORDS = _words("""
State
City
Station
Base
Region
District
Territory
Territories
Camp
Village
Tower
Park
Port
Coast
Square
Palace
Street
Road
""")

NATIONALITIES = _words("""
African
Afghan
Albanian
Algerian
American
Americans
Arab
Argentine
Argentinian
Armenian
Asian
Australian
Austrian
Azerbaijani
Belarusian
Belarussian
Belgian
Brazilian
British
Brits
Bulgarian
Canadian
Chilean
Chinese
Colombian
Croatian
Cuban
Czech
Danish
Dutch
Ecuadorian
Egyptian
English
Estonian
Ethiopian
European
Europeans
Eurasian
Filipino
Finnish
French
Georgian
German
Greek
Hungarian
Indian
Indonesian
Iranian
Iraqi
Irish
Israeli
Israelis
Italian
Japanese
Jordanian
Kazakh
Kenyan
Korean
Kurdish
Latvian
Lebanese
Libyan
Lithuanian
Malaysian
Mexican
Moldovan
Mongolian
Moroccan
Nigerian
Norwegian
Pakistani
Palestinian
Palestinians
Persian
Peruvian
Polish
Portuguese
Romanian
Russian
Russians
Saudi
Scottish
Serbian
Slovak
Somali
Soviet
Spanish
Sudanese
Swedish
Swiss
Syrian
Taiwanese
Thai
Turkish
Ukrainian
Ukrainians
Venezuelan
Vietnamese
Welsh
Yemeni
Western
Eastern
Northern
Southern
Antarctic
Arctic
Atlantic
Christian
Christians
Muslim
Muslims
Jewish
Jews
Catholic
Protestant
Orthodox
Sunni
Shia
Shiite
Islamist
Islamic
Zionist
Republican
Republicans
Democrat
Democrats
Democratic
Conservative
Conservatives
Liberal
Liberals
Socialist
Communist
Communists
Nazi
Nazis
""")

# Words that stand in front of a name and are not part of it.
TITLES = _words("""
President
President-elect
Vice
Prime
Minister
PM
Deputy
Acting
Former
Interim
Foreign
Defense
Defence
Interior
Finance
Justice
Health
Secretary
Undersecretary
State
Attorney
Solicitor
General
Colonel
Col.
Major
Lieutenant
Lt.
Captain
Capt.
Sergeant
Sgt.
Corporal
Private
Admiral
Adm.
Marshal
Gen.
Commissioner
Inspector
Superintendent
Chancellor
Chairman
Chairwoman
Chair
Speaker
Spokesman
Spokeswoman
Spokesperson
Ambassador
Envoy
Governor
Gov.
Mayor
Senator
Sen.
Representative
Rep.
Congressman
Congresswoman
Councillor
Councilman
Councilwoman
Assemblyman
Assemblywoman
Lawmaker
King
Queen
Prince
Princess
Emperor
Empress
Sheikh
Emir
Sultan
Crown
Pope
Cardinal
Archbishop
Bishop
Reverend
Rev.
Father
Rabbi
Imam
Ayatollah
Patriarch
Director
Chief
Head
Commander
Officer
Professor
Prof
Prof.
Dr
Dr.
Mr
Mr.
Mrs
Mrs.
Ms
Ms.
Miss
Sir
Dame
Lord
Lady
Judge
Magistrate
Leader
CEO
CFO
COO
CTO
CIO
Founder
Co-founder
Chairperson
Coach
Manager
Executive
Patrol
Detective
Agent
Trooper
Officer
Meteorologist
Correspondent
Editor
Analyst
Veteran
Actress
Actor
Singer
Rapper
Ombudsman
""")

# Positions of American football written before a player's name ("Browns DL Sheldon
# Richardson", "Steelers QB Mason Rudolph"): a title, like "Coach".
TITLES = TITLES | _words("""
QB
RB
WR
TE
DL
LB
CB
OL
""")

# Title words that can stand alone before a surname and end the title ("President Putin").
TITLE_HEADS = _words("""
President
President-elect
Minister
Secretary
Undersecretary
General
Colonel
Col.
Major
Lieutenant
Lt.
Captain
Capt.
Sergeant
Sgt.
Corporal
Admiral
Adm.
Marshal
Gen.
Commissioner
Inspector
Chancellor
Chairman
Chairwoman
Speaker
Spokesman
Spokeswoman
Spokesperson
Ambassador
Envoy
Governor
Gov.
Mayor
Senator
Sen.
Representative
Rep.
Congressman
Congresswoman
King
Queen
Prince
Princess
Emperor
Sheikh
Emir
Sultan
Pope
Cardinal
Archbishop
Bishop
Reverend
Rev.
Father
Rabbi
Imam
Ayatollah
Patriarch
Director
Chief
Commander
Professor
Prof
Prof.
Dr
Dr.
Mr
Mr.
Mrs
Mrs.
Ms
Ms.
Miss
Sir
Dame
Lord
Lady
Judge
Justice
Leader
CEO
Coach
Detective
Agent
Trooper
Officer
""")

# Given names the census lists miss: names common in international news.
WORLD_GIVEN_NAMES = _words("""
Alexander
Alexei
Alexey
Aleksandr
Anatoly
Andrei
Andrey
Anton
Boris
Dmitry
Dmitri
Dmitriy
Evgeny
Yevgeny
Fyodor
Gennady
Igor
Ilya
Ivan
Konstantin
Leonid
Maria
Marina
Maxim
Mikhail
Nikolai
Nikolay
Oleg
Olga
Pavel
Roman
Sergey
Sergei
Svetlana
Tatiana
Valentina
Valery
Vasily
Viktor
Victor
Vladimir
Vyacheslav
Yury
Yuri
Alexander
Aleksandr
Volodymyr
Petro
Andriy
Mykola
Emmanuel
Olaf
Friedrich
Angela
Boris
Keir
Rishi
Joe
Donald
Kamala
Antony
Marco
Lloyd
Pete
Xi
Narendra
Recep
Benjamin
Kim
Ursula
Josep
Kaja
Mark
Jens
Antonio
Giorgia
Pedro
John
James
Robert
Michael
William
David
Richard
Joseph
Thomas
Charles
Christopher
Daniel
Matthew
Anthony
Paul
Steven
Andrew
Kenneth
Joshua
Kevin
Brian
George
Edward
Ronald
Timothy
Jason
Jeffrey
Ryan
Jacob
Gary
Nicholas
Eric
Jonathan
Stephen
Larry
Justin
Scott
Brandon
Frank
Gregory
Samuel
Patrick
Jack
Dennis
Jerry
Tyler
Aaron
Henry
Peter
Mary
Patricia
Jennifer
Linda
Elizabeth
Barbara
Susan
Jessica
Sarah
Karen
Nancy
Lisa
Margaret
Sandra
Ashley
Emily
Donna
Michelle
Carol
Amanda
Melissa
Deborah
Stephanie
Rebecca
Laura
Helen
Anna
Emma
Julia
Hillary
Nicolas
Luiz
Javier
Ali
Mohammed
Muhammad
Ahmed
Hassan
Abdullah
Mahmoud
Bashar
Vladislav
Abdel
Abdul
Abu
Ahmad
Akbar
Amir
Ayman
Bashir
Fatima
Hamad
Hamid
Hussein
Ibrahim
Ismail
Jamal
Khalid
Khaled
Mahmoud
Mohamed
Mohammad
Mustafa
Nasser
Omar
Osama
Rashid
Saad
Salman
Tamim
Yahya
Yasser
Yusuf
Benny
Yair
Naftali
Avigdor
Itamar
Bezalel
Yoav
Isaac
Moshe
Shimon
Ehud
Ariel
Golda
Vladimir
Volodymyr
Dmitry
Sergei
Sergey
Emmanuel
Olaf
Angela
Giorgia
Viktor
Recep
Tayyip
Ursula
Jens
Kaja
Josep
Keir
Rishi
Narendra
Rahul
Imran
Shehbaz
Nawaz
Xi
Li
Wang
Zhang
Liu
Chen
Yang
Zhao
Huang
Zhou
Wu
Hu
Jiang
Wen
Deng
Mao
Shinzo
Fumio
Yoshihide
Kishida
Moon
Yoon
Suk
Jae
Kim
Park
Lee
Choi
Jung
Kang
Cho
Yoon
Jang
Lim
Han
Oh
Seo
Shin
Kwon
Hwang
Ahn
Song
Ryu
Bae
Mun
Nguyen
Tran
Lula
Luiz
Jair
Javier
Gustavo
Andres
Nicolas
Alberto
Carlos
Juan
Luis
Jorge
Miguel
Alejandro
Diego
Pablo
Sergio
Fernando
Ricardo
Eduardo
Francisco
Rafael
Raul
Jose
Manuel
Pedro
Antonio
Mario
Matteo
Giuseppe
Giovanni
Marco
Francesco
Luca
Jean
Pierre
Jacques
Francois
Marine
Gerhard
Wolfgang
Helmut
Heinz
Klaus
Jurgen
Hans
Karl
Annalena
Robert
Christine
Mette
Magdalena
Sanna
Ulf
Erik
Lars
Sven
Bjorn
Anders
Mateusz
Andrzej
Donald
Jaroslaw
Janez
Ilham
Nikol
Alexander
Aleksandar
Tedros
Antony
Kofi
Ban
Boutros
Nelson
Cyril
Jacob
Thabo
Uhuru
William
Abiy
Yoweri
Paul
Muhammadu
Bola
Goodluck
Olusegun
Ahmed
Emmerson
Robert
Hillary
Kamala
Nancy
Mitch
Chuck
Kevin
Mike
Ron
Gavin
Pete
Marco
Lindsey
Ted
Bernie
Elon
Jeff
Mark
Tim
Sundar
Satya
Sam
""")

GIVEN_NAMES = WORLD_GIVEN_NAMES | _load("given_names.txt") | _load("world_given_names.txt")
SURNAMES = _load("surnames.txt")
# Ordinary English words in lower case (SCOWL): a capitalised word that is one of these is
# no evidence of a foreign name the lists lack.
ENGLISH_WORDS = _load("english_words.txt")
# Surnames of people the news names alone ("with Putin", "Trump weighed in") that the census
# list lacks: heads of state and government, politicians, judges, central bankers, business
# and public figures, written from common knowledge for briefreader. A lone unknown word
# is read as a person only with evidence; being one of these is evidence.
NOTABLE_SURNAMES = _words("""
Abbas
Abe
Adani
Adelson
Alito
Ambani
Annan
Arafat
Ardern
Arnault
Assad
Assange
Bankman-Fried
Barroso
Berlusconi
Bernanke
Beyoncé
Bezos
Bhutto
Biden
Blinken
Boebert
Boehner
Bolsonaro
Borrell
Breyer
Brin
Brown
Buffett
Buhari
Chirac
Chávez
Clooney
Comey
Corbyn
Darwin
DeSantis
Deng
DiCaprio
Dimon
Djokovic
Draghi
Einstein
Eisenhower
Erdogan
Erdoğan
Esper
Farage
Federer
Feinstein
Fico
Freud
Gaddafi
Gaetz
Gandhi
Gantz
Gingrich
Ginsburg
Giuliani
Gorbachev
Gorsuch
Greenspan
Guterres
Haniyeh
Hawking
Hitler
Hochul
Hollande
Hussein
Icahn
Jolie
Juncker
Kaepernick
Kagame
Kagan
Kalanick
Kardashian
Kenyatta
Kerry
Khamenei
Khomeini
Khosrowshahi
Khrushchev
Kishida
Kuleba
Kushner
Lagarde
Lapid
Lavrov
Lenin
Lukashenko
Lula
Macron
Madonna
Maduro
Manchin
Mandela
Mao
Mattis
Mbappe
Mbappé
McCain
McCarthy
McConnell
Medvedev
Meloni
Merz
Messi
Milei
Mnuchin
Modi
Morsi
Mubarak
Mugabe
Museveni
Musk
Mussolini
Nadal
Nadella
Nadler
Napoleon
Nasrallah
Navalny
Nehru
Netanyahu
Neymar
Obama
Obrador
Ocasio-Cortez
Orban
Orbán
Pelosi
Peskov
Pezeshkian
Picasso
Pichai
Pompeo
Poroshenko
Pritzker
Putin
Qaddafi
Raisi
Rajoy
Ramaphosa
Ramaswamy
Renzi
Rihanna
Romney
Ronaldo
Roosevelt
Rouhani
Rumsfeld
Ruto
Rutte
Saddam
Salman
Sarkozy
Scalia
Schröder
Schumer
Scorsese
Shakespeare
Sharif
Sheinbaum
Shoigu
Sinema
Sinwar
Sisi
Soros
Sotomayor
Spielberg
Stalin
Starmer
Stoltenberg
Streep
Suga
Sunak
Sánchez
Tarantino
Tedros
Tillerson
Tinubu
Trump
Truss
Tsikhanouskaya
Tusk
Volcker
Xi
Yellen
Yeltsin
Zelenskiy
Zelensky
Zelenskyy
Zeman
Zuckerberg
Zuma
""")

# Lower-case particles inside personal and place names.
NAME_PARTICLES = _words("""
de
da
di
do
dos
du
del
della
der
den
van
von
la
le
bin
ibn
al
el
""")

# Capitalised words that open sentences, headings and quotes and are not names by
# themselves. Words found in lower case elsewhere in the same article count as well.
COMMON_WORDS = _words("""
Marines
The
A
An
This
That
These
Those
It
Its
It's
It’s
He
She
They
We
I
You
Your
My
Me
Us
Him
Her
Them
In
On
At
By
For
From
With
Without
Within
Under
Over
After
Before
During
Since
Until
As
But
And
Or
Nor
So
Yet
If
When
While
Where
Whether
Although
Though
Because
However
Meanwhile
Moreover
Furthermore
Instead
Indeed
According
Also
Already
Still
Even
Just
Only
Then
Now
There
Here
What
Which
Who
Whom
Whose
Why
How
All
Any
Each
Every
Both
Either
Neither
Some
Many
Much
Most
More
Few
Several
Such
Our
Their
His
No
Not
Yes
Last
Next
First
Second
Third
Final
New
Old
Other
Another
One
Two
Three
Four
Five
Six
Seven
Eight
Nine
Ten
Is
Are
Was
Were
Be
Been
Has
Have
Had
Do
Does
Did
Can
Could
Will
Would
Shall
Should
May
Might
Must
Let
Please
Read
See
Watch
Click
Follow
Share
Related
Stories
Photo
Video
Image
Getty
Images
Advertisement
Update
Updated
Breaking
Editor
Note
Local
Federal
National
International
Official
Officials
Eventually
Currently
Basically
Clearly
Additionally
Unfortunately
Thousands
Millions
Hundreds
Dozens
Critics
Residents
Workers
Employers
Students
Scientists
Researchers
Experts
Analysts
Officials
Authorities
Police
Forecasters
Governments
Despite
Due
Like
Unlike
Among
Across
Around
Through
Throughout
Toward
Towards
Into
Onto
Upon
About
Above
Below
Between
Beyond
Against
Along
Amid
Per
Via
Once
Twice
Again
Never
Always
Often
Sometimes
Perhaps
Maybe
Well
Oh
Yes
Mr
Mrs
Ms
Dr
Sir
Madam
Happy
Good
Great
Big
Small
Top
Key
Main
Free
Full
Live
Today
Tomorrow
Yesterday
Monday
Tuesday
Wednesday
Thursday
Friday
Saturday
Sunday
""")

# Closed-class words: never part of a name at the edge of a run, wherever they stand.
FUNCTION_WORDS = _words("""
The
A
An
This
That
These
Those
It
Its
He
She
They
We
I
You
In
On
At
By
For
From
With
Without
Under
Over
After
Before
During
Since
Until
As
But
And
Or
If
When
While
Where
Although
Though
Because
However
Meanwhile
According
Also
Then
There
Here
What
Which
Who
Why
How
All
Some
Many
Most
Such
Our
Their
His
Her
Despite
Like
Among
Across
Around
Through
Throughout
Into
About
Between
Against
Amid
Via
""")

# Colours and size words that start product and programme names, not people.
_ADJECTIVES = _words("""
Red
Blue
Green
Black
White
Yellow
Orange
Purple
Golden
Silver
Dark
Bright
Big
Little
""")

COMMON_WORDS = COMMON_WORDS | FUNCTION_WORDS | _ADJECTIVES
