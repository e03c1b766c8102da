"""The benchmark's own parallel texts, written for it in six languages, one paragraph
per line. ``SPLIT`` says which texts tune the rules and which only report on them."""

SPLIT = {"tune": ["product"], "report": ["geometry", "travel", "coffee"]}

TEXTS = {
"product": {
"en": """Lumo 2: a bike light for dark evenings
The Lumo 2 weighs 85 grams and shines for 14 hours on one charge.
The battery charges in 3 hours with the USB-C cable in the box.
The light does not switch off when the battery is low; it dims to save energy.
Anna Berg, 34, designed the lens; her colleague Erik Lund, 27, wrote the firmware.
The warranty covers the light for 24 months. It does not cover the mount.
Every Lumo 2 battery is replaceable, but not every replaceable battery fits the Lumo 2.
Order before 15 March and get the mount for 9 euros instead of 19 euros.""",
"sv": """Lumo 2: en cykellampa för mörka kvällar
Lumo 2 väger 85 gram och lyser i 14 timmar på en laddning.
Batteriet laddas på 3 timmar med USB-C-kabeln som följer med i kartongen.
Lampan stängs inte av när batteriet är svagt; den dämpas för att spara energi.
Anna Berg, 34 år, formgav linsen; hennes kollega Erik Lund, 27 år, skrev den inbyggda programvaran.
Garantin gäller lampan i 24 månader. Den gäller inte fästet.
Alla batterier i Lumo 2 går att byta, men inte alla utbytbara batterier passar i Lumo 2.
Beställ före den 15 mars och få fästet för 9 euro i stället för 19 euro.""",
"it": """Lumo 2: una luce per bici per le sere buie
La Lumo 2 pesa 85 grammi e illumina per 14 ore con una sola carica.
La batteria si ricarica in 3 ore con il cavo USB-C incluso nella confezione.
La luce non si spegne quando la batteria è scarica; si attenua per risparmiare energia.
Anna Berg, 34 anni, ha progettato la lente; il suo collega Erik Lund, 27 anni, ha scritto il firmware.
La garanzia copre la luce per 24 mesi. Non copre il supporto.
Ogni batteria della Lumo 2 è sostituibile, ma non ogni batteria sostituibile è adatta alla Lumo 2.
Ordina prima del 15 marzo e ricevi il supporto a 9 euro invece di 19 euro.""",
"ru": """Lumo 2: велосипедный фонарь для тёмных вечеров
Lumo 2 весит 85 граммов и светит 14 часов на одном заряде.
Аккумулятор заряжается за 3 часа кабелем USB-C из комплекта.
Фонарь не выключается, когда аккумулятор разряжен; он приглушает свет, чтобы экономить энергию.
Анна Берг, 34 года, разработала линзу; её коллега Эрик Лунд, 27 лет, написал прошивку.
Гарантия распространяется на фонарь в течение 24 месяцев. На крепление она не распространяется.
Каждый аккумулятор Lumo 2 можно заменить, но не каждый сменный аккумулятор подходит к Lumo 2.
Закажите до 15 марта и получите крепление за 9 евро вместо 19 евро.""",
"ar": """Lumo 2: مصباح دراجة للأمسيات المظلمة
يزن مصباح Lumo 2 مقدار 85 غرامًا ويضيء لمدة 14 ساعة بشحنة واحدة.
تُشحن البطارية في 3 ساعات بكابل USB-C الموجود في العلبة.
لا ينطفئ المصباح عندما تكون البطارية ضعيفة؛ بل يخفت لتوفير الطاقة.
صممت آنا بيرغ، 34 عامًا، العدسة؛ وكتب زميلها إريك لوند، 27 عامًا، البرنامج الثابت.
يغطي الضمان المصباح لمدة 24 شهرًا. ولا يغطي الحامل.
كل بطارية في Lumo 2 قابلة للاستبدال، لكن ليست كل بطارية قابلة للاستبدال مناسبة لـ Lumo 2.
اطلب قبل 15 مارس واحصل على الحامل مقابل 9 يورو بدلًا من 19 يورو.""",
"tr": """Lumo 2: karanlık akşamlar için bir bisiklet lambası
Lumo 2, 85 gram ağırlığındadır ve tek şarjla 14 saat ışık verir.
Pil, kutudaki USB-C kablosuyla 3 saatte şarj olur.
Pil zayıfladığında lamba kapanmaz; enerji tasarrufu için ışığını kısar.
Lensi 34 yaşındaki Anna Berg tasarladı; yazılımı ise 27 yaşındaki meslektaşı Erik Lund yazdı.
Garanti lambayı 24 ay boyunca kapsar. Bağlantı parçasını kapsamaz.
Her Lumo 2 pili değiştirilebilir, ancak her değiştirilebilir pil Lumo 2'ye uymaz.
15 Mart'tan önce sipariş verin, bağlantı parçasını 19 euro yerine 9 euroya alın.""",
},
"geometry": {
"en": """Geometry lesson: squares, rectangles and triangles
A square has 4 equal sides and 4 right angles.
Every square is a rectangle, but not every rectangle is a square.
A triangle never has more than one right angle.
If the sides of a rectangle are 3 cm and 5 cm, its area is 15 square centimetres.
Lena, who is 12, measured the classroom; her brother Tom, who is 9, measured the table.
The classroom is 8 metres long and 6 metres wide.
A circle is not a polygon, because it has no straight sides.""",
"sv": """Geometrilektion: kvadrater, rektanglar och trianglar
En kvadrat har 4 lika långa sidor och 4 räta vinklar.
Varje kvadrat är en rektangel, men inte varje rektangel är en kvadrat.
En triangel har aldrig mer än en rät vinkel.
Om sidorna i en rektangel är 3 cm och 5 cm är dess area 15 kvadratcentimeter.
Lena, som är 12 år, mätte klassrummet; hennes bror Tom, som är 9 år, mätte bordet.
Klassrummet är 8 meter långt och 6 meter brett.
En cirkel är ingen polygon, eftersom den inte har några raka sidor.""",
"it": """Lezione di geometria: quadrati, rettangoli e triangoli
Un quadrato ha 4 lati uguali e 4 angoli retti.
Ogni quadrato è un rettangolo, ma non ogni rettangolo è un quadrato.
Un triangolo non ha mai più di un angolo retto.
Se i lati di un rettangolo misurano 3 cm e 5 cm, la sua area è di 15 centimetri quadrati.
Lena, che ha 12 anni, ha misurato l'aula; suo fratello Tom, che ha 9 anni, ha misurato il tavolo.
L'aula è lunga 8 metri e larga 6 metri.
Un cerchio non è un poligono, perché non ha lati dritti.""",
"ru": """Урок геометрии: квадраты, прямоугольники и треугольники
У квадрата 4 равные стороны и 4 прямых угла.
Каждый квадрат является прямоугольником, но не каждый прямоугольник является квадратом.
У треугольника никогда не бывает больше одного прямого угла.
Если стороны прямоугольника равны 3 см и 5 см, его площадь составляет 15 квадратных сантиметров.
Лена, которой 12 лет, измерила класс; её брат Том, которому 9 лет, измерил стол.
Класс имеет длину 8 метров и ширину 6 метров.
Круг не является многоугольником, потому что у него нет прямых сторон.""",
"ar": """درس في الهندسة: المربعات والمستطيلات والمثلثات
للمربع 4 أضلاع متساوية و4 زوايا قائمة.
كل مربع هو مستطيل، لكن ليس كل مستطيل مربعًا.
لا يحتوي المثلث أبدًا على أكثر من زاوية قائمة واحدة.
إذا كان طولا ضلعي المستطيل 3 سم و5 سم، فإن مساحته 15 سنتيمترًا مربعًا.
قاست لينا، البالغة من العمر 12 عامًا، الفصل؛ وقاس أخوها توم، البالغ من العمر 9 أعوام، الطاولة.
يبلغ طول الفصل 8 أمتار وعرضه 6 أمتار.
الدائرة ليست مضلعًا، لأنه ليس لها أضلاع مستقيمة.""",
"tr": """Geometri dersi: kareler, dikdörtgenler ve üçgenler
Bir karenin 4 eşit kenarı ve 4 dik açısı vardır.
Her kare bir dikdörtgendir, ancak her dikdörtgen bir kare değildir.
Bir üçgenin hiçbir zaman birden fazla dik açısı olmaz.
Bir dikdörtgenin kenarları 3 cm ve 5 cm ise alanı 15 santimetrekaredir.
12 yaşındaki Lena sınıfı ölçtü; 9 yaşındaki kardeşi Tom ise masayı ölçtü.
Sınıf 8 metre uzunluğunda ve 6 metre genişliğindedir.
Çember bir çokgen değildir, çünkü düz kenarları yoktur.""",
},
"travel": {
"en": """Three days in Lisbon
We arrived in Lisbon on 4 May after a flight of 3 hours.
Tram 28 costs 3 euros per ride, and the Viva Viagem card makes each ride cheaper.
Every train to Sintra stops in Queluz, but not every train that stops in Queluz goes to Sintra.
The museum is not open on Mondays, and tickets are not sold online.
Maria, 41, showed us the old town; her son Pedro, 16, showed us the best bakery.
We did not take a taxi once: everything is within 20 minutes on foot.
On our last day it rained for 5 hours, but we did not mind.""",
"sv": """Tre dagar i Lissabon
Vi kom till Lissabon den 4 maj efter en flygresa på 3 timmar.
Spårvagn 28 kostar 3 euro per resa, och med Viva Viagem-kortet blir varje resa billigare.
Varje tåg till Sintra stannar i Queluz, men inte varje tåg som stannar i Queluz går till Sintra.
Museet har inte öppet på måndagar, och biljetter säljs inte på nätet.
Maria, 41 år, visade oss gamla stan; hennes son Pedro, 16 år, visade oss det bästa bageriet.
Vi tog inte taxi en enda gång: allt ligger inom 20 minuters promenad.
Vår sista dag regnade det i 5 timmar, men det gjorde oss inget.""",
"it": """Tre giorni a Lisbona
Siamo arrivati a Lisbona il 4 maggio dopo un volo di 3 ore.
Il tram 28 costa 3 euro a corsa, e con la carta Viva Viagem ogni corsa costa meno.
Ogni treno per Sintra ferma a Queluz, ma non ogni treno che ferma a Queluz va a Sintra.
Il museo non è aperto il lunedì, e i biglietti non si vendono online.
Maria, 41 anni, ci ha mostrato la città vecchia; suo figlio Pedro, 16 anni, ci ha mostrato la pasticceria migliore.
Non abbiamo mai preso un taxi: tutto è a 20 minuti a piedi.
L'ultimo giorno è piovuto per 5 ore, ma non ci è dispiaciuto.""",
"ru": """Три дня в Лиссабоне
Мы прилетели в Лиссабон 4 мая после 3 часов полёта.
Поездка на трамвае 28 стоит 3 евро, а с картой Viva Viagem каждая поездка дешевле.
Каждый поезд в Синтру останавливается в Келуше, но не каждый поезд, который останавливается в Келуше, идёт в Синтру.
Музей не работает по понедельникам, и билеты не продаются онлайн.
Мария, 41 год, показала нам старый город; её сын Педру, 16 лет, показал нам лучшую пекарню.
Мы ни разу не брали такси: всё находится в 20 минутах ходьбы.
В наш последний день 5 часов шёл дождь, но нас это не расстроило.""",
"ar": """ثلاثة أيام في لشبونة
وصلنا إلى لشبونة في 4 مايو بعد رحلة جوية استغرقت 3 ساعات.
تكلف رحلة الترام 28 مبلغ 3 يورو، وبطاقة Viva Viagem تجعل كل رحلة أرخص.
كل قطار إلى سينترا يتوقف في كيلوش، لكن ليس كل قطار يتوقف في كيلوش يذهب إلى سينترا.
المتحف ليس مفتوحًا أيام الاثنين، ولا تُباع التذاكر عبر الإنترنت.
أرتنا ماريا، 41 عامًا، المدينة القديمة؛ وأرانا ابنها بيدرو، 16 عامًا، أفضل مخبز.
لم نستقل سيارة أجرة ولو مرة واحدة: كل شيء على بعد 20 دقيقة سيرًا على الأقدام.
في يومنا الأخير أمطرت لمدة 5 ساعات، لكننا لم نمانع.""",
"tr": """Lizbon'da üç gün
Lizbon'a 3 saatlik bir uçuşun ardından 4 Mayıs'ta vardık.
28 numaralı tramvayla bir yolculuk 3 euro tutuyor ve Viva Viagem kartıyla her yolculuk daha ucuz.
Sintra'ya giden her tren Queluz'da durur, ancak Queluz'da duran her tren Sintra'ya gitmez.
Müze pazartesileri açık değildir ve biletler internetten satılmaz.
41 yaşındaki Maria bize eski şehri gösterdi; 16 yaşındaki oğlu Pedro ise bize en iyi fırını gösterdi.
Hiç taksiye binmedik: her şey yürüyerek 20 dakika mesafede.
Son günümüzde 5 saat yağmur yağdı, ama hiç umursamadık.""",
},
"coffee": {
"en": """A short guide to coffee at home
An espresso uses about 18 grams of coffee and takes 25 seconds to brew.
Every espresso is a coffee, but not every coffee is an espresso.
Do not use boiling water: the best temperature is between 90 and 96 degrees.
Sofia, 52, has roasted beans for 30 years; her apprentice Jonas, 23, started in 2021.
Ground coffee does not keep its aroma for long, so buy small bags.
A cup of filter coffee has more caffeine than an espresso, although it tastes milder.
The course costs 45 euros and lasts 2 hours.
Milk is not necessary, but many guests ask for it.""",
"sv": """En kort guide till kaffe hemma
En espresso kräver ungefär 18 gram kaffe och tar 25 sekunder att brygga.
Varje espresso är ett kaffe, men inte varje kaffe är en espresso.
Använd inte kokande vatten: den bästa temperaturen är mellan 90 och 96 grader.
Sofia, 52 år, har rostat bönor i 30 år; hennes lärling Jonas, 23 år, började 2021.
Malet kaffe behåller inte sin arom länge, så köp små påsar.
En kopp bryggkaffe innehåller mer koffein än en espresso, även om det smakar mildare.
Kursen kostar 45 euro och varar i 2 timmar.
Mjölk är inte nödvändig, men många gäster ber om det.""",
"it": """Una breve guida al caffè in casa
Un espresso richiede circa 18 grammi di caffè e si prepara in 25 secondi.
Ogni espresso è un caffè, ma non ogni caffè è un espresso.
Non usare acqua bollente: la temperatura migliore è tra 90 e 96 gradi.
Sofia, 52 anni, tosta chicchi da 30 anni; il suo apprendista Jonas, 23 anni, ha iniziato nel 2021.
Il caffè macinato non conserva a lungo il suo aroma, quindi compra sacchetti piccoli.
Una tazza di caffè filtro contiene più caffeina di un espresso, anche se ha un gusto più delicato.
Il corso costa 45 euro e dura 2 ore.
Il latte non è necessario, ma molti ospiti lo chiedono.""",
"ru": """Краткое руководство по кофе дома
Для эспрессо нужно около 18 граммов кофе, а заваривается он 25 секунд.
Каждый эспрессо — это кофе, но не каждый кофе — это эспрессо.
Не используйте кипяток: лучшая температура — от 90 до 96 градусов.
Софья, 52 года, обжаривает зёрна уже 30 лет; её ученик Йонас, 23 года, начал в 2021 году.
Молотый кофе недолго сохраняет свой аромат, поэтому покупайте маленькие пакеты.
Чашка фильтр-кофе содержит больше кофеина, чем эспрессо, хотя на вкус она мягче.
Курс стоит 45 евро и длится 2 часа.
Молоко не обязательно, но многие гости его просят.""",
"ar": """دليل قصير لتحضير القهوة في المنزل
يحتاج الإسبريسو إلى نحو 18 غرامًا من القهوة ويستغرق تحضيره 25 ثانية.
كل إسبريسو هو قهوة، لكن ليست كل قهوة إسبريسو.
لا تستخدم الماء المغلي: أفضل درجة حرارة بين 90 و96 درجة.
تحمص صوفيا، 52 عامًا، البن منذ 30 عامًا؛ وبدأ متدربها يوناس، 23 عامًا، في عام 2021.
لا تحتفظ القهوة المطحونة برائحتها طويلًا، لذا اشترِ أكياسًا صغيرة.
يحتوي كوب القهوة المفلترة على كافيين أكثر من الإسبريسو، مع أن طعمه أخف.
تبلغ تكلفة الدورة 45 يورو وتستغرق ساعتين.
الحليب ليس ضروريًا، لكن كثيرًا من الضيوف يطلبونه.""",
"tr": """Evde kahve için kısa bir rehber
Bir espresso için yaklaşık 18 gram kahve gerekir ve demlenmesi 25 saniye sürer.
Her espresso bir kahvedir, ancak her kahve bir espresso değildir.
Kaynar su kullanmayın: en iyi sıcaklık 90 ile 96 derece arasındadır.
52 yaşındaki Sofia 30 yıldır çekirdek kavuruyor; 23 yaşındaki çırağı Jonas 2021'de başladı.
Öğütülmüş kahve aromasını uzun süre korumaz, bu yüzden küçük paketler alın.
Bir fincan filtre kahve, espressodan daha fazla kafein içerir, ancak tadı daha yumuşaktır.
Kurs 45 euro tutuyor ve 2 saat sürüyor.
Süt gerekli değildir, ama birçok misafir ister.""",
},
}

# Hand-written defects that a string operation cannot make: per text, the line (0-based)
# and, per language, the replacement (old, new) inside that line.
INVERSIONS = {
"product": (6, {
  "en": ("Every Lumo 2 battery is replaceable, but not every replaceable battery fits the Lumo 2", "Every replaceable battery fits the Lumo 2, but not every Lumo 2 battery is replaceable"),
}),
"geometry": (2, {
  "en": ("Every square is a rectangle, but not every rectangle is a square", "Every rectangle is a square, but not every square is a rectangle"),
  "sv": ("Varje kvadrat är en rektangel, men inte varje rektangel är en kvadrat", "Varje rektangel är en kvadrat, men inte varje kvadrat är en rektangel"),
  "it": ("Ogni quadrato è un rettangolo, ma non ogni rettangolo è un quadrato", "Ogni rettangolo è un quadrato, ma non ogni quadrato è un rettangolo"),
  "ru": ("Каждый квадрат является прямоугольником, но не каждый прямоугольник является квадратом", "Каждый прямоугольник является квадратом, но не каждый квадрат является прямоугольником"),
  "ar": ("كل مربع هو مستطيل، لكن ليس كل مستطيل مربعًا", "كل مستطيل هو مربع، لكن ليس كل مربع مستطيلًا"),
  "tr": ("Her kare bir dikdörtgendir, ancak her dikdörtgen bir kare değildir", "Her dikdörtgen bir karedir, ancak her kare bir dikdörtgen değildir"),
}),
"travel": (3, {
  "en": ("Every train to Sintra stops in Queluz, but not every train that stops in Queluz goes to Sintra", "Every train to Queluz stops in Sintra, but not every train that stops in Sintra goes to Queluz"),
  "sv": ("Varje tåg till Sintra stannar i Queluz, men inte varje tåg som stannar i Queluz går till Sintra", "Varje tåg till Queluz stannar i Sintra, men inte varje tåg som stannar i Sintra går till Queluz"),
  "it": ("Ogni treno per Sintra ferma a Queluz, ma non ogni treno che ferma a Queluz va a Sintra", "Ogni treno per Queluz ferma a Sintra, ma non ogni treno che ferma a Sintra va a Queluz"),
  "tr": ("Sintra'ya giden her tren Queluz'da durur, ancak Queluz'da duran her tren Sintra'ya gitmez", "Queluz'a giden her tren Sintra'da durur, ancak Sintra'da duran her tren Queluz'a gitmez"),
}),
}
INVERSIONS["coffee"] = (2, {
  "en": ("Every espresso is a coffee, but not every coffee is an espresso", "Every coffee is an espresso, but not every espresso is a coffee"),
  "sv": ("Varje espresso är ett kaffe, men inte varje kaffe är en espresso", "Varje kaffe är en espresso, men inte varje espresso är ett kaffe"),
  "it": ("Ogni espresso è un caffè, ma non ogni caffè è un espresso", "Ogni caffè è un espresso, ma non ogni espresso è un caffè"),
  "ru": ("Каждый эспрессо — это кофе, но не каждый кофе — это эспрессо", "Каждый кофе — это эспрессо, но не каждый эспрессо — это кофе"),
  "ar": ("كل إسبريسو هو قهوة، لكن ليست كل قهوة إسبريسو", "كل قهوة هي إسبريسو، لكن ليس كل إسبريسو قهوة"),
  "tr": ("Her espresso bir kahvedir, ancak her kahve bir espresso değildir", "Her kahve bir espressodur, ancak her espresso bir kahve değildir"),
})
NEGATIONS = {
"product": (3, {
  "en": ("does not switch off", "switches off"), "sv": ("stängs inte av", "stängs av"),
  "it": ("non si spegne", "si spegne"), "ru": ("не выключается", "выключается"),
  "ar": ("لا ينطفئ", "ينطفئ"), "tr": ("lamba kapanmaz", "lamba kapanır"),
}),
"geometry": (7, {
  "en": ("A circle is not a polygon", "A circle is a polygon"), "sv": ("En cirkel är ingen polygon", "En cirkel är en polygon"),
  "it": ("Un cerchio non è un poligono", "Un cerchio è un poligono"), "ru": ("Круг не является", "Круг является"),
  "ar": ("الدائرة ليست مضلعًا", "الدائرة مضلع"), "tr": ("Çember bir çokgen değildir", "Çember bir çokgendir"),
}),
"travel": (4, {
  "en": ("The museum is not open", "The museum is open"), "sv": ("Museet har inte öppet", "Museet har öppet"),
  "it": ("Il museo non è aperto", "Il museo è aperto"), "ru": ("Музей не работает", "Музей работает"),
  "ar": ("المتحف ليس مفتوحًا", "المتحف مفتوح"), "tr": ("Müze pazartesileri açık değildir", "Müze pazartesileri açıktır"),
}),
}
NEGATIONS["coffee"] = (5, {
  "en": ("does not keep", "keeps"), "sv": ("behåller inte", "behåller"), "it": ("non conserva", "conserva"),
  "ru": ("недолго сохраняет", "долго сохраняет"), "ar": ("لا تحتفظ", "تحتفظ"), "tr": ("korumaz", "korur"),
})
# Lines whose two numbers are exchanged to plant a swapped pair (the ages).
NUMBER_SWAPS = {"product": (4, "34", "27"), "geometry": (5, "12", "9"), "travel": (5, "41", "16"),
                "coffee": (4, "52", "23")}

GLOSSARY = """concept,en,sv,it,ru,ar,tr,dnt
square,square,kvadrat|fyrkant,quadrato,квадрат,مربع,kare,
rectangle,rectangle,rektangel|rektanglar,rettangolo,прямоугольник,مستطيل,dikdörtgen,
triangle,triangle,triangel|trianglar,triangolo,треугольник,مثلث,üçgen,
circle,circle,cirkel,cerchio,круг,دائرة,çember,
battery,battery,batteri,batteria,аккумулятор,بطارية,pil,
warranty,warranty,garanti,garanzia,гарантия,ضمان,garanti,
train,train,tåg,treno,поезд,قطار,tren,
museum,museum,museum|museet,museo,музей,متحف,müze,
coffee,coffee,kaffe,caffè,кофе,قهوة,kahve,
espresso,espresso,espresso,espresso,эспрессо,إسبريسو,espresso,
customer-experience,customer experience,kundupplevelse,esperienza del cliente|esperienza cliente|esperienze clienti,опыт клиента|опыт покупателя|опыт клиентов,تجربة العملاء|تجربة العميل|تجربة عملاء|تجارب عملاء,müşteri deneyimi,
customer-support,customer support,kundsupport,supporto clienti,поддержка клиентов,دعم العملاء|دعم عملاء,müşteri desteği|müşteri destek,
customer-service,customer service,kundservice,servizio clienti,обслуживание клиентов,خدمة العملاء,müşteri hizmetleri,
brand,brand,varumärke,marchio|marca,бренд,العلامة التجارية|علامة تجارية,marka,
lumo,Lumo,,,,,,yes
guru,Guru,,,,,,yes
"""
