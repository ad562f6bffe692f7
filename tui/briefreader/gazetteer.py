"""Word lists the rule-based recognizer leans on: places, organisations, given names, titles.

Hand-made and small on purpose (written for this project, no third-party data), enough for
wire stories about politics and security. Kept apart from the rules so a larger,
properly licensed gazetteer can replace it without touching them.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(line.strip() for line in block.strip().splitlines() if line.strip())


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
""")

PLACES = COUNTRIES | CITIES_AND_REGIONS

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
Xinhua
BelTA
Union State
State Duma
Duma
Federation Council
Kremlin
White House
Pentagon
Congress
Senate
Parliament
NATO
UN
United Nations
UN Security Council
Security Council
EU
European Union
European Commission
European Parliament
CSTO
CIS
SCO
BRICS
EAEU
Eurasian Economic Union
OSCE
IAEA
WHO
IMF
World Bank
WTO
OPEC
Gazprom
Rosneft
Rosatom
Roscosmos
FSB
SVR
GRU
CIA
FBI
KGB
Red Cross
Hamas
Hezbollah
Taliban
""")

# A capitalised run that ends in one of these names an organisation
# ("Belarusian Defense Ministry", "Russian Armed Forces").
ORG_HEADS = _words("""
Ministry
Ministries
Forces
Army
Navy
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
Court
Bank
Party
Union
Organization
Organisation
Institute
University
Academy
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
Guard
Command
Directorate
Administration
Government
Cabinet
Secretariat
Bureau
Police
Inc
Ltd
Corp
""")

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
""")

NATIONALITIES = _words("""
American
Armenian
Azerbaijani
Belarusian
Belarussian
British
Chinese
Czech
Dutch
Estonian
European
Eurasian
French
Georgian
German
Indian
Iranian
Iraqi
Israeli
Italian
Japanese
Kazakh
Korean
Latvian
Lithuanian
Moldovan
Palestinian
Polish
Russian
Soviet
Syrian
Turkish
Ukrainian
Western
Eastern
""")

# Words that stand in front of a name and are not part of it.
TITLES = _words("""
President
Vice
Prime
Minister
Deputy
Foreign
Defense
Defence
Secretary
State
General
Colonel
Major
Lieutenant
Captain
Admiral
Marshal
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
Mayor
Senator
Representative
King
Queen
Prince
Princess
Pope
Patriarch
Director
Chief
Head
Commander
Mr
Mr.
Mrs
Mrs.
Ms
Ms.
Dr
Dr.
Prof
Prof.
Sir
Lord
Judge
Justice
Leader
""")

TITLE_HEADS = _words("""
President
Minister
Secretary
General
Colonel
Major
Lieutenant
Captain
Admiral
Marshal
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
Mayor
Senator
Representative
King
Queen
Prince
Princess
Pope
Patriarch
Director
Commander
Mr
Mr.
Mrs
Mrs.
Ms
Ms.
Dr
Dr.
Prof
Prof.
Sir
Lord
Judge
Justice
Leader
""")

GIVEN_NAMES = _words("""
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
""")

# Capitalised words that start sentences or headings and are never names by themselves.
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
In
On
At
By
For
From
With
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
However
Meanwhile
According
Also
Today
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
Last
Next
Mr
Mrs
Ms
""")
