# ruff: noqa: E501  (the state table below keeps one state a line, however long)
"""Build rasid/data/actors/states.tsv and demonyms.tsv: run once, then edit the TSV files by hand.

The Arabic state names start from the Debian iso-codes translations that pycountry ships (LGPL-2.1),
cleaned (diacritics dropped, "و" joined, parenthesised and comma-separated variants split, wrong
forms dropped) and completed with the forms the Arabic press uses, listed below with each state's
English name, adjective, Arabic nisba stems and Wikidata id (checked against Our World in Data's
countries_regions table). The nisba stems expand to the demonym forms (مالي → المالي، المالية،
الماليين، الماليون، مالية، ماليين، ماليون); forms that equal a state's name are left out.

pycountry is needed only here, never at run time:

    .venv/bin/pip install pycountry
    .venv/bin/python tools/build_actors.py [--out rasid/data/actors] [--force]

The script refuses to overwrite existing files without --force, since they may carry hand edits.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rasid.actors.dictionary import ACTOR_COLUMNS, DEMONYM_COLUMNS, alias_key

OUT = Path(__file__).resolve().parents[1] / "rasid" / "data" / "actors"

# ISO3|English name|English adjective|nisba stems (comma separated)|more Arabic names|more demonym forms
# An empty English name keeps pycountry's. Entities not listed here are left out.
STATES = """
AFG|Afghanistan|Afghan|أفغاني|أفغانستان|الأفغان
AGO|Angola|Angolan|أنغولي|أنغولا,أنجولا|
ALB|Albania|Albanian|ألباني|ألبانيا|
AND|Andorra|Andorran|أندوري|أندورا|
ARE|United Arab Emirates|Emirati|إماراتي|الإمارات,دولة الإمارات,دولة الإمارات العربية المتحدة|
ARG|Argentina|Argentine|أرجنتيني|الأرجنتين|
ARM|Armenia|Armenian|أرميني|أرمينيا|
ATG|Antigua and Barbuda|Antiguan||أنتيغوا وباربودا|
AUS|Australia|Australian|أسترالي|أستراليا|
AUT|Austria|Austrian|نمساوي|النمسا|
AZE|Azerbaijan|Azerbaijani|أذربيجاني,أذري|أذربيجان|
BDI|Burundi|Burundian|بوروندي|بوروندي|
BEL|Belgium|Belgian|بلجيكي|بلجيكا|
BEN|Benin|Beninese|بنيني|بنين|
BFA|Burkina Faso|Burkinabe|بوركيني,بوركينابي|بوركينا فاسو,بوركينا فاصو,بوركينافاسو,بوركينا|
BGD|Bangladesh|Bangladeshi|بنغالي,بنغلاديشي|بنغلاديش,بنجلاديش|
BGR|Bulgaria|Bulgarian|بلغاري|بلغاريا|
BHR|Bahrain|Bahraini|بحريني|البحرين,مملكة البحرين|
BHS|Bahamas|Bahamian||جزر البهاما,البهاما,جزر الباهاماس|
BIH|Bosnia and Herzegovina|Bosnian|بوسني|البوسنة والهرسك,البوسنة|
BLR|Belarus|Belarusian|بيلاروسي|بيلاروسيا,بيلاروس|
BLZ|Belize|Belizean||بليز|
BOL|Bolivia|Bolivian|بوليفي|بوليفيا|
BRA|Brazil|Brazilian|برازيلي|البرازيل|
BRB|Barbados|Barbadian||باربادوس|
BRN|Brunei|Bruneian||بروناي|
BTN|Bhutan|Bhutanese|بوتاني|بوتان,بهوتان|
BWA|Botswana|Botswanan||بوتسوانا|
CAF|Central African Republic|Central African||جمهورية أفريقيا الوسطى,أفريقيا الوسطى,إفريقيا الوسطى,جمهورية إفريقيا الوسطى,أفريقيا الوسطى|
CAN|Canada|Canadian|كندي|كندا|
CHE|Switzerland|Swiss|سويسري|سويسرا|
CHL|Chile|Chilean|تشيلي,شيلي|تشيلي,شيلي|
CHN|China|Chinese|صيني|الصين,جمهورية الصين الشعبية|
CIV|Côte d'Ivoire|Ivorian|إيفواري,عاجي|ساحل العاج,كوت ديفوار,كوت دي فوار|
CMR|Cameroon|Cameroonian|كاميروني|الكاميرون|
COD|Democratic Republic of the Congo|Congolese|كونغولي|جمهورية الكونغو الديمقراطية,الكونغو الديمقراطية,الكونغو كينشاسا|
COG|Republic of the Congo|Congolese|كونغولي|جمهورية الكونغو,الكونغو برازافيل,الكونغو برازافيل|
COM|Comoros|Comorian||جزر القمر,اتحاد جزر القمر|
CPV|Cabo Verde|Cabo Verdean||الرأس الأخضر,كابو فيردي,كاب فيردي|
CRI|Costa Rica|Costa Rican|كوستاريكي|كوستاريكا,كوستا ريكا|
CUB|Cuba|Cuban|كوبي|كوبا|
CYP|Cyprus|Cypriot|قبرصي|قبرص|
CZE|Czechia|Czech|تشيكي|التشيك,جمهورية التشيك,تشيكيا|
DEU|Germany|German|ألماني|ألمانيا|الألمان
DJI|Djibouti|Djiboutian|جيبوتي|جيبوتي|
DMA|Dominica|Dominican||دومينيكا|
DNK|Denmark|Danish|دنماركي,دانماركي|الدنمارك,الدانمارك|
DOM|Dominican Republic|Dominican|دومينيكاني|جمهورية الدومينيكان,الدومينيكان|
DZA|Algeria|Algerian|جزائري|الجزائر,الجمهورية الجزائرية|
ECU|Ecuador|Ecuadorian|إكوادوري|الإكوادور,إكوادور|
EGY|Egypt|Egyptian|مصري|مصر,جمهورية مصر العربية|
ERI|Eritrea|Eritrean|إريتري|إريتريا,إرتريا|
ESP|Spain|Spanish|إسباني|إسبانيا,اسبانيا,مملكة إسبانيا|الإسبان
EST|Estonia|Estonian|إستوني|إستونيا|
ETH|Ethiopia|Ethiopian|إثيوبي|إثيوبيا|
FIN|Finland|Finnish|فنلندي|فنلندا|
FJI|Fiji|Fijian||فيجي|
FRA|France|French|فرنسي|فرنسا,الجمهورية الفرنسية|
FSM|Micronesia|Micronesian||ميكرونيزيا|
GAB|Gabon|Gabonese|غابوني|الغابون,غابون|
GBR|United Kingdom|British|بريطاني|بريطانيا,بريطانيا العظمى,المملكة المتحدة|
GEO|Georgia|Georgian|جورجي|جورجيا|
GHA|Ghana|Ghanaian|غاني|غانا|
GIN|Guinea|Guinean|غيني|غينيا,غينيا كوناكري|
GMB|Gambia|Gambian|غامبي|غامبيا|
GNB|Guinea-Bissau|Bissau-Guinean||غينيا بيساو|
GNQ|Equatorial Guinea|Equatorial Guinean||غينيا الاستوائية|
GRC|Greece|Greek|يوناني|اليونان|
GRD|Grenada|Grenadian||غرينادا|
GTM|Guatemala|Guatemalan|غواتيمالي|غواتيمالا|
GUY|Guyana|Guyanese||غيانا,غويانا|
HND|Honduras|Honduran|هندوراسي|هندوراس|
HRV|Croatia|Croatian|كرواتي|كرواتيا|الكروات
HTI|Haiti|Haitian|هايتي|هايتي|
HUN|Hungary|Hungarian|هنغاري|المجر,هنغاريا|المجري,المجرية,المجريين,المجريون
IDN|Indonesia|Indonesian|إندونيسي|إندونيسيا|
IND|India|Indian|هندي|الهند|الهنود
IRL|Ireland|Irish|إيرلندي|أيرلندا,إيرلندا|
IRN|Iran|Iranian|إيراني|إيران,الجمهورية الإسلامية,جمهورية إيران الإسلامية,الجمهورية الإسلامية في إيران|
IRQ|Iraq|Iraqi|عراقي|العراق,جمهورية العراق|
ISL|Iceland|Icelandic|آيسلندي|آيسلندا,أيسلندا|
ISR|Israel|Israeli|إسرائيلي|إسرائيل,دولة إسرائيل,الكيان الصهيوني,الكيان الإسرائيلي,دولة الاحتلال,دولة الاحتلال الإسرائيلي|
ITA|Italy|Italian|إيطالي|إيطاليا|الطليان
JAM|Jamaica|Jamaican|جامايكي|جامايكا|
JOR|Jordan|Jordanian|أردني|الأردن,المملكة الأردنية الهاشمية|
JPN|Japan|Japanese|ياباني|اليابان|
KAZ|Kazakhstan|Kazakh|كازاخستاني,كازاخي|كازاخستان|
KEN|Kenya|Kenyan|كيني|كينيا|
KGZ|Kyrgyzstan|Kyrgyz|قرغيزي,قيرغيزي|قيرغيزستان,قرغيزستان|
KHM|Cambodia|Cambodian|كمبودي|كمبوديا|
KIR|Kiribati|I-Kiribati||كيريباتي|
KNA|Saint Kitts and Nevis|Kittitian||سانت كيتس ونيفيس|
KOR|South Korea|South Korean||كوريا الجنوبية,جمهورية كوريا|الكوري الجنوبي,الكورية الجنوبية,الكوريين الجنوبيين,الكوريون الجنوبيون,كوري جنوبي,كورية جنوبية
KWT|Kuwait|Kuwaiti|كويتي|الكويت,دولة الكويت|
LAO|Laos|Lao|لاوسي|لاوس|
LBN|Lebanon|Lebanese|لبناني|لبنان,الجمهورية اللبنانية|
LBR|Liberia|Liberian|ليبيري|ليبيريا|
LBY|Libya|Libyan|ليبي|ليبيا,دولة ليبيا|
LCA|Saint Lucia|Saint Lucian||سانت لوسيا|
LIE|Liechtenstein|Liechtensteiner||ليختنشتاين|
LKA|Sri Lanka|Sri Lankan|سريلانكي|سريلانكا,سري لانكا|
LSO|Lesotho|Basotho||ليسوتو|
LTU|Lithuania|Lithuanian|ليتواني|ليتوانيا,جمهورية ليتوانيا|
LUX|Luxembourg|Luxembourgish|لوكسمبورغي|لوكسمبورغ,لوكسمبورج|
LVA|Latvia|Latvian|لاتفي|لاتفيا|
MAR|Morocco|Moroccan|مغربي|المغرب,المملكة المغربية|
MCO|Monaco|Monegasque||موناكو|
MDA|Moldova|Moldovan|مولدوفي|مولدوفا,مولدافيا|
MDG|Madagascar|Malagasy|مدغشقري|مدغشقر|
MDV|Maldives|Maldivian|مالديفي|جزر المالديف,المالديف|
MEX|Mexico|Mexican|مكسيكي|المكسيك|
MHL|Marshall Islands|Marshallese||جزر مارشال|
MKD|North Macedonia|Macedonian|مقدوني|مقدونيا الشمالية,مقدونيا|
MLI|Mali|Malian|مالي|مالي,جمهورية مالي|
MLT|Malta|Maltese|مالطي|مالطا,مالطة|
MMR|Myanmar|Burmese|ميانماري,بورمي|ميانمار,بورما|
MNE|Montenegro|Montenegrin||الجبل الأسود,مونتينيغرو|
MNG|Mongolia|Mongolian|منغولي|منغوليا|
MOZ|Mozambique|Mozambican|موزمبيقي|موزمبيق|
MRT|Mauritania|Mauritanian|موريتاني|موريتانيا,الجمهورية الإسلامية الموريتانية|
MUS|Mauritius|Mauritian||موريشيوس|
MWI|Malawi|Malawian||ملاوي,مالاوي|
MYS|Malaysia|Malaysian|ماليزي|ماليزيا|
NAM|Namibia|Namibian|ناميبي|ناميبيا|
NER|Niger|Nigerien|نيجري|النيجر,جمهورية النيجر|
NGA|Nigeria|Nigerian|نيجيري|نيجيريا|
NIC|Nicaragua|Nicaraguan|نيكاراغوي|نيكاراغوا,نيكاراجوا|
NLD|Netherlands|Dutch|هولندي|هولندا,مملكة هولندا|
NOR|Norway|Norwegian|نرويجي|النرويج|
NPL|Nepal|Nepalese|نيبالي|نيبال|
NRU|Nauru|Nauruan||ناورو|
NZL|New Zealand|New Zealand|نيوزيلندي|نيوزيلندا,نيوزيلاندا|
OMN|Oman|Omani|عماني|سلطنة عمان,عمان|
PAK|Pakistan|Pakistani|باكستاني|باكستان|
PAN|Panama|Panamanian|بنمي|بنما|
PER|Peru|Peruvian|بيروفي|بيرو,البيرو|
PHL|Philippines|Filipino|فلبيني|الفلبين|
PLW|Palau|Palauan||بالاو|
PNG|Papua New Guinea|Papua New Guinean||بابوا غينيا الجديدة|
POL|Poland|Polish|بولندي|بولندا,بولونيا|
PRK|North Korea|North Korean||كوريا الشمالية,جمهورية كوريا الديمقراطية الشعبية|الكوري الشمالي,الكورية الشمالية,الكوريين الشماليين,الكوريون الشماليون,كوري شمالي,كورية شمالية
PRT|Portugal|Portuguese|برتغالي|البرتغال|
PRY|Paraguay|Paraguayan|باراغوياني|باراغواي,الباراغواي|
PSE|Palestine|Palestinian|فلسطيني|فلسطين,دولة فلسطين|
QAT|Qatar|Qatari|قطري|قطر,دولة قطر|
ROU|Romania|Romanian|روماني|رومانيا|
RUS|Russia|Russian|روسي|روسيا,الاتحاد الروسي,روسيا الاتحادية|الروس
RWA|Rwanda|Rwandan|رواندي|رواندا|
SAU|Saudi Arabia|Saudi|سعودي|السعودية,المملكة العربية السعودية|
SDN|Sudan|Sudanese|سوداني|السودان,جمهورية السودان|
SEN|Senegal|Senegalese|سنغالي|السنغال|
SGP|Singapore|Singaporean|سنغافوري|سنغافورة|
SLB|Solomon Islands|Solomon Islander||جزر سليمان|
SLE|Sierra Leone|Sierra Leonean|سيراليوني|سيراليون|
SLV|El Salvador|Salvadoran|سلفادوري|السلفادور|
SMR|San Marino|Sammarinese||سان مارينو|
SOM|Somalia|Somali|صومالي|الصومال,جمهورية الصومال الفيدرالية|
SRB|Serbia|Serbian|صربي|صربيا,جمهورية صربيا|الصرب
SSD|South Sudan|South Sudanese||جنوب السودان,جمهورية جنوب السودان|الجنوب سوداني,الجنوب سودانية,الجنوب سودانيين,الجنوب سودانيون
STP|São Tomé and Príncipe|Santomean||ساو تومي وبرينسيب|
SUR|Suriname|Surinamese||سورينام|
SVK|Slovakia|Slovak|سلوفاكي|سلوفاكيا|
SVN|Slovenia|Slovenian|سلوفيني|سلوفينيا|
SWE|Sweden|Swedish|سويدي|السويد|
SWZ|Eswatini|Swazi||إسواتيني,سوازيلاند|
SYC|Seychelles|Seychellois||سيشل,جزر سيشل|
SYR|Syria|Syrian|سوري|سوريا,سورية,الجمهورية العربية السورية,الجمهورية السورية|
TCD|Chad|Chadian|تشادي|تشاد|
TGO|Togo|Togolese|توغولي|توغو|
THA|Thailand|Thai|تايلاندي|تايلاند|
TJK|Tajikistan|Tajik|طاجيكي|طاجيكستان|
TKM|Turkmenistan|Turkmen||تركمانستان|
TLS|Timor-Leste|Timorese||تيمور الشرقية,تيمور ليشتي|
TON|Tonga|Tongan||تونغا|
TTO|Trinidad and Tobago|Trinidadian||ترينيداد وتوباغو|
TUN|Tunisia|Tunisian|تونسي|تونس,الجمهورية التونسية|
TUR|Turkey|Turkish|تركي|تركيا,الجمهورية التركية|الأتراك
TUV|Tuvalu|Tuvaluan||توفالو|
TWN|Taiwan|Taiwanese|تايواني|تايوان|
TZA|Tanzania|Tanzanian|تنزاني|تنزانيا|
UGA|Uganda|Ugandan|أوغندي|أوغندا|
UKR|Ukraine|Ukrainian|أوكراني|أوكرانيا|
URY|Uruguay|Uruguayan|أوروغواياني|الأوروغواي,أوروغواي|
USA|United States|American|أمريكي,أميركي|الولايات المتحدة,الولايات المتحدة الأمريكية,الولايات المتحدة الأميركية,أمريكا,أميركا|الأمريكان,الأميركان
UZB|Uzbekistan|Uzbek|أوزبكي|أوزبكستان|
VAT|Vatican City|Vatican||الفاتيكان,دولة الفاتيكان,الكرسي الرسولي|
VCT|Saint Vincent and the Grenadines|Vincentian||سانت فينسنت وجزر غرينادين|
VEN|Venezuela|Venezuelan|فنزويلي|فنزويلا|
VNM|Vietnam|Vietnamese|فيتنامي|فيتنام|
VUT|Vanuatu|Ni-Vanuatu||فانواتو|
WSM|Samoa|Samoan||ساموا|
YEM|Yemen|Yemeni|يمني|اليمن,الجمهورية اليمنية|
ZAF|South Africa|South African||جنوب أفريقيا,جنوب إفريقيا,جمهورية جنوب أفريقيا|الجنوب أفريقي,الجنوب إفريقي,الجنوب أفريقية,الجنوب إفريقية,الجنوب أفريقيين,الجنوب إفريقيين,جنوب أفريقي,جنوب أفريقية
ZMB|Zambia|Zambian|زامبي|زامبيا|
ZWE|Zimbabwe|Zimbabwean|زيمبابوي|زيمبابوي,زمبابوي|
XKX|Kosovo|Kosovar|كوسوفي|كوسوفو,جمهورية كوسوفو|
ESH|Western Sahara|Sahrawi||الصحراء الغربية|
GRL|Greenland|Greenlandic||غرينلاند,جرينلاند|
HKG|Hong Kong|Hong Kong||هونغ كونغ,هونج كونج|
MAC|Macao|Macanese||ماكاو|
PRI|Puerto Rico|Puerto Rican||بورتوريكو|
GIB|Gibraltar|Gibraltarian||جبل طارق|
MYT|Mayotte|Mahoran||مايوت,جزيرة مايوت|
FLK|Falkland Islands|Falkland||جزر فوكلاند,جزر المالفيناس|
NCL|New Caledonia|New Caledonian||كاليدونيا الجديدة|
"""

# Territories and disputed lands: listed, but as kind "other", not as states.
TERRITORIES = {"ESH", "GRL", "HKG", "MAC", "PRI", "GIB", "MYT", "FLK", "NCL"}

# Not in ISO 3166-1 (Kosovo: the user-assigned code the EU and the IMF use).
EXTRA_NAMES = {"XKX": ()}

# pycountry forms that are wrong, ambiguous or not used by the press.
DROP = {
    "كوريا", "Türkiye", "Republic of Türkiye", "صربية", "جمهورية صربية", "لثوانيا",
    "جمهورية لثوانيا", "المنتنيغرو", "المقعد المقدس", "ولاية مدينة الفاتيكان", "الجمهورية الهلنستية",
    "جمهورية الفرنسية", "الفييتنام", "جمهورية الفييتنام الاشتراكية", "محافظة صينية", "فيرجن",
    "نيو قلدونيا", "جوادالوبي", "تايوان، محافظة صينية", "بروناي دار السلام", "مكاو",
    "هونج كونج المنطقة الصينية الإدارية الخاصة", "مكاو المنطقة الصينية الإدارية الخاصة",
    "جزر فولكلاند", "مالفيناس", "جزر سولومن", "إتحاد جزر القمر", "جمهورية لاو الديموقراطية الشعبية",
    "جمهورية كوريا الشعبية الديموقراطية", "كومنولث البهاما", "سانت كيتس ونفس", "سانت فنسنت وجزر الغرينادين",
    "ساو تومي وبرنسبي", "جمهورية ساو تومي وبرنسبي الديموقراطية",
}

# Wikidata ids, as in Our World in Data's countries_regions table (Kosovo: Wikidata itself).
WIKIDATA = dict(re.findall(r"([A-Z]{3}):(Q[0-9]+)", """
AFG:Q889 AGO:Q916 ALB:Q222 AND:Q228 ARE:Q878 ARG:Q414 ARM:Q399 ATG:Q781 AUS:Q408 AUT:Q40 AZE:Q227
BDI:Q967 BEL:Q31 BEN:Q962 BFA:Q965 BGD:Q902 BGR:Q219 BHR:Q398 BHS:Q778 BIH:Q225 BLR:Q184 BLZ:Q242
BOL:Q750 BRA:Q155 BRB:Q244 BRN:Q921 BTN:Q917 BWA:Q963 CAF:Q929 CAN:Q16 CHE:Q39 CHL:Q298 CHN:Q148
CIV:Q1008 CMR:Q1009 COD:Q974 COG:Q971 COM:Q970 CPV:Q1011 CRI:Q800 CUB:Q241 CYP:Q229 CZE:Q213
DEU:Q183 DJI:Q977 DMA:Q784 DNK:Q35 DOM:Q786 DZA:Q262 ECU:Q736 EGY:Q79 ERI:Q986 ESP:Q29 EST:Q191
ETH:Q115 FIN:Q33 FJI:Q712 FRA:Q142 FSM:Q702 GAB:Q1000 GBR:Q145 GEO:Q230 GHA:Q117 GIN:Q1006
GMB:Q1005 GNB:Q1007 GNQ:Q983 GRC:Q41 GRD:Q769 GTM:Q774 GUY:Q734 HND:Q783 HRV:Q224 HTI:Q790
HUN:Q28 IDN:Q252 IND:Q668 IRL:Q27 IRN:Q794 IRQ:Q796 ISL:Q189 ISR:Q801 ITA:Q38 JAM:Q766 JOR:Q810
JPN:Q17 KAZ:Q232 KEN:Q114 KGZ:Q813 KHM:Q424 KIR:Q710 KNA:Q763 KOR:Q884 KWT:Q817 LAO:Q819
LBN:Q822 LBR:Q1014 LBY:Q1016 LCA:Q760 LIE:Q347 LKA:Q854 LSO:Q1013 LTU:Q37 LUX:Q32 LVA:Q211
MAR:Q1028 MCO:Q235 MDA:Q217 MDG:Q1019 MDV:Q826 MEX:Q96 MHL:Q709 MKD:Q221 MLI:Q912 MLT:Q233
MMR:Q836 MNE:Q236 MNG:Q711 MOZ:Q1029 MRT:Q1025 MUS:Q1027 MWI:Q1020 MYS:Q833 NAM:Q1030 NER:Q1032
NGA:Q1033 NIC:Q811 NLD:Q29999 NOR:Q20 NPL:Q837 NRU:Q697 NZL:Q664 OMN:Q842 PAK:Q843 PAN:Q804
PER:Q419 PHL:Q928 PLW:Q695 PNG:Q691 POL:Q36 PRK:Q423 PRT:Q45 PRY:Q733 PSE:Q219060 QAT:Q846
ROU:Q218 RUS:Q159 RWA:Q1037 SAU:Q851 SDN:Q1049 SEN:Q1041 SGP:Q334 SLB:Q685 SLE:Q1044 SLV:Q792
SMR:Q238 SOM:Q1045 SRB:Q403 SSD:Q958 STP:Q1039 SUR:Q730 SVK:Q214 SVN:Q215 SWE:Q34 SWZ:Q1050
SYC:Q1042 SYR:Q858 TCD:Q657 TGO:Q945 THA:Q869 TJK:Q863 TKM:Q874 TLS:Q574 TON:Q678 TTO:Q754
TUN:Q948 TUR:Q43 TUV:Q672 TWN:Q865 TZA:Q924 UGA:Q1036 UKR:Q212 URY:Q77 USA:Q30 UZB:Q265
VAT:Q237 VCT:Q757 VEN:Q717 VNM:Q881 VUT:Q686 WSM:Q683 YEM:Q805 ZAF:Q258 ZMB:Q953 ZWE:Q954
XKX:Q1246 ESH:Q6250 GRL:Q223 HKG:Q8646 MAC:Q14773 PRI:Q1183 GIB:Q1410 MYT:Q17063 FLK:Q9648
NCL:Q33788
"""))

_MARKS = re.compile("[\u064b-\u0652\u0670]")


def clean(name: str) -> list[str]:
    """The usable Arabic forms in one pycountry translation."""
    name = _MARKS.sub("", name).replace(" و ", " و").replace("ديموقراطي", "ديمقراطي")
    parts = [p.strip(" )") for p in re.split(r"\s*[،(]\s*", name)]
    return [p for p in parts if p and p not in DROP]


def pycountry_names(iso3: str, arabic: gettext.NullTranslations) -> list[str]:
    """pycountry's Arabic name and official name for a state, cleaned."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = [country.name, getattr(country, "official_name", "")]
    out: list[str] = []
    for english in filter(None, names):
        translated = arabic.gettext(english)
        if translated != english:
            out.extend(clean(translated))
    return out


def demonym_forms(stems: list[str], extra: list[str], state_keys: set[str]) -> list[str]:
    """Every nisba form of the stems, plus the listed extras, less those equal to a state name."""
    forms = [f"ال{s}{suffix}" for s in stems for suffix in ("", "ة", "ين", "ون")]
    forms += [f"{s}{suffix}" for s in stems for suffix in ("ة", "ين", "ون", "")]
    forms += extra
    return list(dict.fromkeys(f for f in forms if alias_key(f) not in state_keys))


def unique(forms: list[str]) -> list[str]:
    """One written form per matching key, in order."""
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(alias_key(form), form)
    return list(seen.values())


def build(out: Path, force: bool) -> None:
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    rows = [line.split("|") for line in STATES.strip().splitlines()]
    states, demonyms = [], []
    aliases_of: dict[str, list[str]] = {}
    for iso3, _name, _adj, _stems, more, _extra in rows:
        names = pycountry_names(iso3, arabic) + [m for m in more.split(",") if m]
        aliases_of[iso3] = unique(names)
    state_keys = {alias_key(a) for aliases in aliases_of.values() for a in aliases}
    for iso3, name_en, adj_en, stems, _more, extra in rows:
        kind = "other" if iso3 in TERRITORIES else "state"
        states.append((iso3, name_en, kind, iso3, WIKIDATA.get(iso3, ""), "", " | ".join(aliases_of[iso3])))
        forms = demonym_forms([s for s in stems.split(",") if s], [e for e in extra.split(",") if e], state_keys)
        demonyms.append((iso3, adj_en, " | ".join(forms)))
    write(out / "states.tsv", ACTOR_COLUMNS, states, force,
          "# States (and a few territories, kind other): built by tools/build_actors.py from pycountry's\n"
          "# Arabic names (Debian iso-codes, LGPL-2.1) and press variants; edit by hand from here on.\n")
    write(out / "demonyms.tsv", DEMONYM_COLUMNS, demonyms, force,
          "# Nisba adjectives per country: built by tools/build_actors.py; edit by hand from here on.\n"
          "# Forms equal to a state's name are left out (السعودية is the state, not the adjective).\n")


def write(path: Path, columns: tuple[str, ...], rows: list[tuple[str, ...]], force: bool, header: str) -> None:
    if path.exists() and not force:
        sys.exit(f"{path} exists (it may have hand edits); pass --force to overwrite it")
    lines = [header.rstrip("\n"), "\t".join(columns), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the actor data directory")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    build(args.out, args.force)


if __name__ == "__main__":
    main()
