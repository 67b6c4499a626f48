// SPDX-License-Identifier: Apache-2.0
// Personal-name tables for the demo caseload generator: for each nationality
// the caseload draws from, common male and female given names and family
// names, in the Latin-script form usually seen on that country's travel
// documents and, where the nationality writes names in another script, the
// same name in that script (Arabic, Persian/Dari/Pashto/Urdu, Ge'ez, Bengali,
// Cyrillic). The names are ordinary and common; none is meant to identify
// anyone.
//
// "Family name" does not mean the same thing everywhere, and the demo should
// combine names the way the country does:
// - Arabic names (SDN, LBY, YEM, EGY, IRQ, and TCD in the north) are chains:
//   given name, father's given name, grandfather's given name, sometimes a
//   tribal or family name ("Al-Jubouri", "Al-Warfalli"). The family lists
//   therefore mix given names (the father's or grandfather's name) with
//   tribal and family names. Syria and Morocco use fixed family names more
//   consistently.
// - Ethiopian and Eritrean names have no family name: the second name is the
//   father's given name and the third the grandfather's, so ETH and ERI
//   "family" names are men's given names.
// - Somali names are likewise given name + father's + grandfather's given
//   names; clan names are not used as surnames.
// - Many Afghans have no family name at all (a single name, or given name plus
//   father's name on the tazkira); the AFG family list holds the tribal and
//   adopted surnames used by those who have one ("Ahmadzai", "Rahimi").
// - Bangladeshi women often carry "Akter", "Begum", "Khatun" or "Sultana"
//   rather than a father's or husband's family name; these appear in BGD.
// - South Sudanese and Burundian second names are usually the father's name
//   (SSD) or a personal Kirundi name (BDI), not an inherited surname.
// - Congolese (COD) names are a Christian or French given name plus a
//   surname and often a "post-name"; both come from the family list.
// - Ukrainian Latin forms follow the official passport transliteration (2010);
//   Afghan, Iranian and Pakistani script forms use Persian/Urdu letters (ی, ک,
//   and for Urdu ہ, ٹ, ڑ, ں, ھ), not their Arabic look-alikes.
// cor_names_for() returns a generic international set for any other code.
#include "demo/names_data.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NAME_SET(code, langs, p)                                                                   \
	{                                                                                          \
		code, langs, p##_male, COUNT(p##_male), p##_female, COUNT(p##_female), p##_family, \
			COUNT(p##_family)                                                          \
	}

/* Data tables, packed several entries to a line (clang-format would put one per line). */
// clang-format off

/* AFG */
static const struct cor_name afg_male[] = {
	{"Mohammad", "محمد"}, {"Ahmad", "احمد"}, {"Abdul Rahman", "عبدالرحمن"},
	{"Abdul Rahim", "عبدالرحیم"}, {"Abdullah", "عبدالله"}, {"Mahmood", "محمود"}, {"Ali", "علی"},
	{"Hamid", "حمید"}, {"Gul Ahmad", "گل احمد"}, {"Najibullah", "نجیب الله"},
	{"Rahmatullah", "رحمت الله"}, {"Sayed", "سید"}, {"Noor", "نور"},
	{"Habibullah", "حبیب الله"}, {"Zabihullah", "ذبیح الله"}, {"Mirwais", "میرویس"},
	{"Farid", "فرید"}, {"Jawad", "جواد"}, {"Naweed", "نوید"}, {"Omid", "امید"},
	{"Wahid", "وحید"}, {"Shafiq", "شفیق"}, {"Bashir", "بشیر"}, {"Nasir", "ناصر"},
	{"Qasim", "قاسم"}, {"Hassan", "حسن"}, {"Hussain", "حسین"}, {"Ismail", "اسماعیل"},
	{"Karim", "کریم"}, {"Sohrab", "سهراب"}, {"Zalmai", "زلمی"}, {"Ajmal", "اجمل"},
	{"Fawad", "فواد"}, {"Ehsan", "احسان"}, {"Jamshid", "جمشید"}, {"Asadullah", "اسد الله"},
};

static const struct cor_name afg_female[] = {
	{"Fatima", "فاطمه"}, {"Maryam", "مریم"}, {"Zahra", "زهرا"}, {"Marzia", "مرضیه"},
	{"Shabnam", "شبنم"}, {"Fariba", "فریبا"}, {"Nazanin", "نازنین"}, {"Roya", "رویا"},
	{"Parwana", "پروانه"}, {"Freshta", "فرشته"}, {"Mahbooba", "محبوبه"}, {"Nargis", "نرگس"},
	{"Zarmina", "زرمینه"}, {"Gulalai", "گلالۍ"}, {"Sima", "سیما"}, {"Laila", "لیلا"},
	{"Zainab", "زینب"}, {"Khadija", "خدیجه"}, {"Soraya", "ثریا"}, {"Mina", "مینا"},
	{"Nilofar", "نیلوفر"}, {"Farzana", "فرزانه"}, {"Sadia", "سعدیه"}, {"Homa", "هما"},
	{"Shukria", "شکریه"}, {"Basira", "بصیره"}, {"Nadia", "نادیه"}, {"Wahida", "وحیده"},
	{"Hamida", "حمیده"}, {"Masouda", "مسعوده"}, {"Gulnaz", "گلناز"}, {"Arezo", "آرزو"},
	{"Tamana", "تمنا"},
};

static const struct cor_name afg_family[] = {
	{"Ahmadi", "احمدی"}, {"Mohammadi", "محمدی"}, {"Hussaini", "حسینی"}, {"Rahimi", "رحیمی"},
	{"Karimi", "کریمی"}, {"Sultani", "سلطانی"}, {"Hashimi", "هاشمی"}, {"Sadat", "سادات"},
	{"Noori", "نوری"}, {"Popalzai", "پوپلزی"}, {"Stanikzai", "ستانکزی"}, {"Ahmadzai", "احمدزی"},
	{"Yousafzai", "یوسفزی"}, {"Durrani", "درانی"}, {"Barakzai", "بارکزی"}, {"Wardak", "وردک"},
	{"Safi", "صافی"}, {"Amiri", "امیری"}, {"Haidari", "حیدری"}, {"Rezaei", "رضایی"},
	{"Jafari", "جعفری"}, {"Sharifi", "شریفی"}, {"Azimi", "عظیمی"}, {"Nazari", "نظری"},
	{"Qaderi", "قادری"}, {"Rasuli", "رسولی"}, {"Habibi", "حبیبی"}, {"Niazi", "نیازی"},
	{"Mangal", "منگل"}, {"Samadi", "صمدی"}, {"Hakimi", "حکیمی"}, {"Khan", "خان"},
	{"Faizi", "فیضی"}, {"Mohmand", "مهمند"},
};

/* BDI */
static const struct cor_name bdi_male[] = {
	{"Jean", NULL}, {"Pierre", NULL}, {"Joseph", NULL}, {"Emmanuel", NULL}, {"Claude", NULL},
	{"Éric", NULL}, {"Désiré", NULL}, {"Pacifique", NULL}, {"Gilbert", NULL}, {"Fabrice", NULL},
	{"Alexis", NULL}, {"Thierry", NULL}, {"Jean-Marie", NULL}, {"Jean-Bosco", NULL},
	{"Aimable", NULL}, {"Innocent", NULL}, {"Égide", NULL}, {"Célestin", NULL},
	{"Gervais", NULL}, {"Dieudonné", NULL}, {"Prosper", NULL}, {"Léonard", NULL}, {"Déo", NULL},
	{"Évariste", NULL}, {"Théogène", NULL}, {"Nestor", NULL}, {"Révérien", NULL},
	{"Jean-Claude", NULL}, {"Ferdinand", NULL}, {"Bonaventure", NULL}, {"Sylvestre", NULL},
	{"Gédéon", NULL},
};

static const struct cor_name bdi_female[] = {
	{"Marie", NULL}, {"Jeanine", NULL}, {"Claudine", NULL}, {"Espérance", NULL},
	{"Béatrice", NULL}, {"Consolata", NULL}, {"Immaculée", NULL}, {"Jacqueline", NULL},
	{"Goreth", NULL}, {"Odette", NULL}, {"Josiane", NULL}, {"Aline", NULL}, {"Diane", NULL},
	{"Clarisse", NULL}, {"Francine", NULL}, {"Sandrine", NULL}, {"Chantal", NULL},
	{"Annonciata", NULL}, {"Godelive", NULL}, {"Médiatrice", NULL}, {"Spès", NULL},
	{"Scholastique", NULL}, {"Joséphine", NULL}, {"Angélique", NULL}, {"Nadine", NULL},
	{"Alice", NULL}, {"Pélagie", NULL}, {"Donatienne", NULL}, {"Dorothée", NULL},
	{"Évelyne", NULL}, {"Gloriose", NULL}, {"Bernadette", NULL},
};

static const struct cor_name bdi_family[] = {
	{"Niyonzima", NULL}, {"Ndayishimiye", NULL}, {"Nshimirimana", NULL}, {"Hakizimana", NULL},
	{"Irakoze", NULL}, {"Niyongabo", NULL}, {"Ndikumana", NULL}, {"Nduwimana", NULL},
	{"Havyarimana", NULL}, {"Bizimana", NULL}, {"Manirakiza", NULL}, {"Nkurunziza", NULL},
	{"Ntahomvukiye", NULL}, {"Ndayizeye", NULL}, {"Nizigiyimana", NULL}, {"Niyonkuru", NULL},
	{"Iradukunda", NULL}, {"Habonimana", NULL}, {"Nimubona", NULL}, {"Hatungimana", NULL},
	{"Nsabimana", NULL}, {"Kwizera", NULL}, {"Ndihokubwayo", NULL}, {"Ntakirutimana", NULL},
	{"Niyibizi", NULL}, {"Ndayisenga", NULL}, {"Nahimana", NULL}, {"Nibizi", NULL},
	{"Bigirimana", NULL}, {"Mugisha", NULL}, {"Harerimana", NULL}, {"Nzeyimana", NULL},
	{"Ciza", NULL}, {"Ndayiragije", NULL},
};

/* BFA */
static const struct cor_name bfa_male[] = {
	{"Ousmane", NULL}, {"Issa", NULL}, {"Moussa", NULL}, {"Boukary", NULL}, {"Adama", NULL},
	{"Salif", NULL}, {"Souleymane", NULL}, {"Abdoulaye", NULL}, {"Harouna", NULL},
	{"Idrissa", NULL}, {"Ali", NULL}, {"Mahamadi", NULL}, {"Seydou", NULL}, {"Hamidou", NULL},
	{"Inoussa", NULL}, {"Karim", NULL}, {"Lassané", NULL}, {"Rasmané", NULL}, {"Saïdou", NULL},
	{"Alassane", NULL}, {"Jean", NULL}, {"Paul", NULL}, {"Pierre", NULL}, {"Emmanuel", NULL},
	{"Dramane", NULL}, {"Ibrahim", NULL}, {"Sibiri", NULL}, {"Tasséré", NULL}, {"Noufou", NULL},
	{"Zakaria", NULL}, {"Yacouba", NULL}, {"Arouna", NULL},
};

static const struct cor_name bfa_female[] = {
	{"Aminata", NULL}, {"Mariam", NULL}, {"Salimata", NULL}, {"Fatimata", NULL}, {"Awa", NULL},
	{"Assétou", NULL}, {"Rasmata", NULL}, {"Alimata", NULL}, {"Maïmouna", NULL},
	{"Zénabo", NULL}, {"Aïssata", NULL}, {"Haoua", NULL}, {"Bibata", NULL}, {"Safiatou", NULL},
	{"Azéta", NULL}, {"Mamounata", NULL}, {"Pauline", NULL}, {"Marie", NULL}, {"Jeanne", NULL},
	{"Odile", NULL}, {"Delphine", NULL}, {"Edwige", NULL}, {"Pélagie", NULL}, {"Bintou", NULL},
	{"Ramata", NULL}, {"Adjaratou", NULL}, {"Habibou", NULL}, {"Fati", NULL}, {"Rokia", NULL},
	{"Kadidiatou", NULL}, {"Sali", NULL}, {"Brigitte", NULL},
};

static const struct cor_name bfa_family[] = {
	{"Ouédraogo", NULL}, {"Sawadogo", NULL}, {"Compaoré", NULL}, {"Kaboré", NULL},
	{"Zongo", NULL}, {"Ouattara", NULL}, {"Traoré", NULL}, {"Zoungrana", NULL},
	{"Nikiéma", NULL}, {"Ilboudo", NULL}, {"Tapsoba", NULL}, {"Yaméogo", NULL},
	{"Bationo", NULL}, {"Konaté", NULL}, {"Sanou", NULL}, {"Kinda", NULL}, {"Kouanda", NULL},
	{"Sana", NULL}, {"Zerbo", NULL}, {"Kafando", NULL}, {"Bamogo", NULL}, {"Ouoba", NULL},
	{"Sorgho", NULL}, {"Belem", NULL}, {"Guiro", NULL}, {"Savadogo", NULL}, {"Diallo", NULL},
	{"Barry", NULL}, {"Dicko", NULL}, {"Sidibé", NULL}, {"Somé", NULL}, {"Dabiré", NULL},
	{"Hien", NULL}, {"Kambou", NULL}, {"Tiendrébéogo", NULL}, {"Rouamba", NULL},
	{"Bikienga", NULL},
};

/* BGD */
static const struct cor_name bgd_male[] = {
	{"Mohammad", "মোহাম্মদ"}, {"Abdul", "আব্দুল"}, {"Rahim", "রহিম"}, {"Karim", "করিম"},
	{"Hasan", "হাসান"}, {"Hossain", "হোসেন"}, {"Rafiqul", "রফিকুল"}, {"Shafiqul", "শফিকুল"},
	{"Aminul", "আমিনুল"}, {"Jahangir", "জাহাঙ্গীর"}, {"Kamal", "কামাল"}, {"Jamal", "জামাল"},
	{"Sohel", "সোহেল"}, {"Rubel", "রুবেল"}, {"Shakil", "শাকিল"}, {"Habib", "হাবিব"},
	{"Alamgir", "আলমগীর"}, {"Monir", "মনির"}, {"Nazrul", "নজরুল"}, {"Mizanur", "মিজানুর"},
	{"Saiful", "সাইফুল"}, {"Anwar", "আনোয়ার"}, {"Faruk", "ফারুক"}, {"Masud", "মাসুদ"},
	{"Rashed", "রাশেদ"}, {"Tanvir", "তানভীর"}, {"Imran", "ইমরান"}, {"Arif", "আরিফ"},
	{"Babul", "বাবুল"}, {"Shahin", "শাহীন"}, {"Mamun", "মামুন"}, {"Ripon", "রিপন"},
};

static const struct cor_name bgd_female[] = {
	{"Fatema", "ফাতেমা"}, {"Ayesha", "আয়েশা"}, {"Nasrin", "নাসরিন"}, {"Shirin", "শিরিন"},
	{"Rahima", "রহিমা"}, {"Jesmin", "জেসমিন"}, {"Shahnaz", "শাহনাজ"}, {"Rokeya", "রোকেয়া"},
	{"Taslima", "তাসলিমা"}, {"Salma", "সালমা"}, {"Nazma", "নাজমা"}, {"Rina", "রিনা"},
	{"Rupa", "রুপা"}, {"Sharmin", "শারমিন"}, {"Farzana", "ফারজানা"}, {"Sumaiya", "সুমাইয়া"},
	{"Nusrat", "নুসরাত"}, {"Tania", "তানিয়া"}, {"Shapla", "শাপলা"}, {"Laila", "লাইলা"},
	{"Parveen", "পারভীন"}, {"Hasina", "হাসিনা"}, {"Morjina", "মর্জিনা"}, {"Kulsum", "কুলসুম"},
	{"Halima", "হালিমা"}, {"Khadija", "খাদিজা"}, {"Amena", "আমেনা"}, {"Rashida", "রাশিদা"},
	{"Sabina", "সাবিনা"}, {"Moushumi", "মৌসুমী"}, {"Jannatul", "জান্নাতুল"}, {"Mitu", "মিতু"},
};

static const struct cor_name bgd_family[] = {
	{"Hossain", "হোসেন"}, {"Rahman", "রহমান"}, {"Islam", "ইসলাম"}, {"Ahmed", "আহমেদ"},
	{"Khan", "খান"}, {"Uddin", "উদ্দিন"}, {"Alam", "আলম"}, {"Ali", "আলী"}, {"Miah", "মিয়া"},
	{"Sarker", "সরকার"}, {"Chowdhury", "চৌধুরী"}, {"Akter", "আক্তার"}, {"Begum", "বেগম"},
	{"Khatun", "খাতুন"}, {"Mondal", "মন্ডল"}, {"Sheikh", "শেখ"}, {"Talukder", "তালুকদার"},
	{"Bhuiyan", "ভূঁইয়া"}, {"Haque", "হক"}, {"Kabir", "কবির"}, {"Hasan", "হাসান"},
	{"Molla", "মোল্লা"}, {"Biswas", "বিশ্বাস"}, {"Das", "দাস"}, {"Roy", "রায়"},
	{"Saha", "সাহা"}, {"Paul", "পাল"}, {"Sikder", "সিকদার"}, {"Howlader", "হাওলাদার"},
	{"Majumder", "মজুমদার"}, {"Karim", "করিম"}, {"Siddique", "সিদ্দিক"}, {"Mahmud", "মাহমুদ"},
	{"Sultana", "সুলতানা"}, {"Pramanik", "প্রামানিক"},
};

/* CIV */
static const struct cor_name civ_male[] = {
	{"Kouassi", NULL}, {"Koffi", NULL}, {"Yao", NULL}, {"Kouamé", NULL}, {"Konan", NULL},
	{"N'Guessan", NULL}, {"Kouadio", NULL}, {"Kouakou", NULL}, {"Jean", NULL}, {"Serge", NULL},
	{"Christian", NULL}, {"Souleymane", NULL}, {"Moussa", NULL}, {"Lassina", NULL},
	{"Seydou", NULL}, {"Mamadou", NULL}, {"Adama", NULL}, {"Bakary", NULL}, {"Drissa", NULL},
	{"Siaka", NULL}, {"Yacouba", NULL}, {"Ange", NULL}, {"Arnaud", NULL}, {"Didier", NULL},
	{"Hervé", NULL}, {"Franck", NULL}, {"Fabrice", NULL}, {"Éric", NULL}, {"Patrick", NULL},
	{"Ousmane", NULL}, {"Amara", NULL}, {"Issouf", NULL}, {"Brahima", NULL},
};

static const struct cor_name civ_female[] = {
	{"Aya", NULL}, {"Adjoua", NULL}, {"Affoué", NULL}, {"Amenan", NULL}, {"Akissi", NULL},
	{"Ahou", NULL}, {"Amoin", NULL}, {"Ama", NULL}, {"Marie", NULL}, {"Christelle", NULL},
	{"Sandrine", NULL}, {"Nadège", NULL}, {"Estelle", NULL}, {"Mariam", NULL}, {"Awa", NULL},
	{"Fatoumata", NULL}, {"Aminata", NULL}, {"Salimata", NULL}, {"Assita", NULL},
	{"Korotoum", NULL}, {"Rokia", NULL}, {"Fanta", NULL}, {"Ramatou", NULL}, {"Bintou", NULL},
	{"Clarisse", NULL}, {"Chantal", NULL}, {"Brigitte", NULL}, {"Yolande", NULL},
	{"Prisca", NULL}, {"Larissa", NULL}, {"Grâce", NULL}, {"Alimata", NULL},
};

static const struct cor_name civ_family[] = {
	{"Kouassi", NULL}, {"Koné", NULL}, {"Ouattara", NULL}, {"Traoré", NULL},
	{"Coulibaly", NULL}, {"Konan", NULL}, {"Kouamé", NULL}, {"Yao", NULL}, {"Koffi", NULL},
	{"N'Guessan", NULL}, {"Kouadio", NULL}, {"Kouakou", NULL}, {"Bamba", NULL},
	{"Diabaté", NULL}, {"Touré", NULL}, {"Soro", NULL}, {"Cissé", NULL}, {"Fofana", NULL},
	{"Diomandé", NULL}, {"Doumbia", NULL}, {"Zadi", NULL}, {"Gnahoré", NULL}, {"Yapi", NULL},
	{"Aka", NULL}, {"Brou", NULL}, {"Assi", NULL}, {"Kacou", NULL}, {"Djédjé", NULL},
	{"Sanogo", NULL}, {"Sylla", NULL}, {"Dosso", NULL}, {"Konaté", NULL}, {"Kassi", NULL},
	{"Amani", NULL}, {"Yéo", NULL}, {"Silué", NULL},
};

/* CMR */
static const struct cor_name cmr_male[] = {
	{"Jean", NULL}, {"Paul", NULL}, {"Pierre", NULL}, {"Emmanuel", NULL}, {"Joseph", NULL},
	{"Samuel", NULL}, {"Christian", NULL}, {"Serge", NULL}, {"Hervé", NULL}, {"Alain", NULL},
	{"Roger", NULL}, {"Martin", NULL}, {"Éric", NULL}, {"Blaise", NULL}, {"Rodrigue", NULL},
	{"Landry", NULL}, {"Aristide", NULL}, {"Achille", NULL}, {"Ghislain", NULL},
	{"Yannick", NULL}, {"Joël", NULL}, {"Franck", NULL}, {"Hamadou", NULL}, {"Oumarou", NULL},
	{"Aboubakar", NULL}, {"Moussa", NULL}, {"Bouba", NULL}, {"Adamou", NULL}, {"Ibrahim", NULL},
	{"Désiré", NULL}, {"Thierry", NULL}, {"Ernest", NULL},
};

static const struct cor_name cmr_female[] = {
	{"Marie", NULL}, {"Jeanne", NULL}, {"Françoise", NULL}, {"Christine", NULL},
	{"Brigitte", NULL}, {"Sandrine", NULL}, {"Nadège", NULL}, {"Pauline", NULL},
	{"Marthe", NULL}, {"Aïssatou", NULL}, {"Hadidja", NULL}, {"Mariama", NULL},
	{"Hawaou", NULL}, {"Ramatou", NULL}, {"Aminatou", NULL}, {"Christelle", NULL},
	{"Solange", NULL}, {"Sylvie", NULL}, {"Josiane", NULL}, {"Clarisse", NULL},
	{"Carine", NULL}, {"Laure", NULL}, {"Rachel", NULL}, {"Esther", NULL}, {"Florence", NULL},
	{"Blandine", NULL}, {"Félicité", NULL}, {"Estelle", NULL}, {"Nathalie", NULL},
	{"Vanessa", NULL}, {"Mireille", NULL}, {"Gisèle", NULL},
};

static const struct cor_name cmr_family[] = {
	{"Mbarga", NULL}, {"Ngono", NULL}, {"Atangana", NULL}, {"Essomba", NULL}, {"Fouda", NULL},
	{"Onana", NULL}, {"Mballa", NULL}, {"Owona", NULL}, {"Ndongo", NULL}, {"Abena", NULL},
	{"Manga", NULL}, {"Ebode", NULL}, {"Kamga", NULL}, {"Fotso", NULL}, {"Djoumessi", NULL},
	{"Tchinda", NULL}, {"Kengne", NULL}, {"Talla", NULL}, {"Nguefack", NULL}, {"Tagne", NULL},
	{"Wamba", NULL}, {"Simo", NULL}, {"Fokou", NULL}, {"Kenfack", NULL}, {"Nkwenti", NULL},
	{"Tabi", NULL}, {"Tanyi", NULL}, {"Ashu", NULL}, {"Ayuk", NULL}, {"Nji", NULL},
	{"Nfor", NULL}, {"Hamadou", NULL}, {"Oumarou", NULL}, {"Bouba", NULL}, {"Aboubakar", NULL},
	{"Ngassa", NULL}, {"Ekambi", NULL}, {"Tchakounté", NULL},
};

/* COD */
static const struct cor_name cod_male[] = {
	{"Jean", NULL}, {"Pierre", NULL}, {"Joseph", NULL}, {"Patrick", NULL}, {"Christian", NULL},
	{"Emmanuel", NULL}, {"Junior", NULL}, {"Glody", NULL}, {"Héritier", NULL},
	{"Dieudonné", NULL}, {"Trésor", NULL}, {"Fiston", NULL}, {"Jonathan", NULL},
	{"Blaise", NULL}, {"Cédric", NULL}, {"Olivier", NULL}, {"Serge", NULL}, {"Didier", NULL},
	{"Alain", NULL}, {"Papy", NULL}, {"Jacques", NULL}, {"Augustin", NULL}, {"Benjamin", NULL},
	{"Jean-Claude", NULL}, {"Jean-Pierre", NULL}, {"Guy", NULL}, {"Prince", NULL},
	{"Moïse", NULL}, {"Rodrigue", NULL}, {"Aimé", NULL}, {"Bienvenu", NULL}, {"Éric", NULL},
	{"Faustin", NULL},
};

static const struct cor_name cod_female[] = {
	{"Marie", NULL}, {"Grâce", NULL}, {"Esther", NULL}, {"Nadine", NULL}, {"Chantal", NULL},
	{"Clarisse", NULL}, {"Rachel", NULL}, {"Ruth", NULL}, {"Sarah", NULL}, {"Joséphine", NULL},
	{"Véronique", NULL}, {"Bernadette", NULL}, {"Jeanne", NULL}, {"Annie", NULL},
	{"Mireille", NULL}, {"Sandrine", NULL}, {"Divine", NULL}, {"Merveille", NULL},
	{"Gloire", NULL}, {"Exaucée", NULL}, {"Bénédicte", NULL}, {"Dorcas", NULL},
	{"Francine", NULL}, {"Judith", NULL}, {"Nathalie", NULL}, {"Patience", NULL},
	{"Espérance", NULL}, {"Fifi", NULL}, {"Rebecca", NULL}, {"Christelle", NULL},
	{"Béatrice", NULL}, {"Furaha", NULL},
};

static const struct cor_name cod_family[] = {
	{"Mukendi", NULL}, {"Kabongo", NULL}, {"Ilunga", NULL}, {"Mbuyi", NULL},
	{"Tshibangu", NULL}, {"Kalala", NULL}, {"Ngoy", NULL}, {"Kasongo", NULL}, {"Mulumba", NULL},
	{"Tshimanga", NULL}, {"Kazadi", NULL}, {"Mutombo", NULL}, {"Lukusa", NULL}, {"Banza", NULL},
	{"Mwamba", NULL}, {"Kanku", NULL}, {"Mpiana", NULL}, {"Nkulu", NULL}, {"Kabeya", NULL},
	{"Lumbala", NULL}, {"Makiese", NULL}, {"Nsimba", NULL}, {"Mavungu", NULL},
	{"Lusamba", NULL}, {"Bahati", NULL}, {"Bisimwa", NULL}, {"Cirhuza", NULL},
	{"Byamungu", NULL}, {"Muhindo", NULL}, {"Kambale", NULL}, {"Kasereka", NULL},
	{"Paluku", NULL}, {"Mumbere", NULL}, {"Mbala", NULL}, {"Mputu", NULL}, {"Kalonji", NULL},
	{"Kabasele", NULL},
};

/* EGY */
static const struct cor_name egy_male[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Mahmoud", "محمود"}, {"Mostafa", "مصطفى"},
	{"Ali", "علي"}, {"Hassan", "حسن"}, {"Omar", "عمر"}, {"Youssef", "يوسف"},
	{"Ibrahim", "إبراهيم"}, {"Khaled", "خالد"}, {"Tarek", "طارق"}, {"Amr", "عمرو"},
	{"Karim", "كريم"}, {"Sherif", "شريف"}, {"Hany", "هاني"}, {"Waleed", "وليد"},
	{"Hossam", "حسام"}, {"Ayman", "أيمن"}, {"Tamer", "تامر"}, {"Ashraf", "أشرف"},
	{"Islam", "إسلام"}, {"Abdelrahman", "عبد الرحمن"}, {"Mina", "مينا"}, {"Bishoy", "بيشوي"},
	{"Girgis", "جرجس"}, {"Peter", "بيتر"}, {"Essam", "عصام"}, {"Hesham", "هشام"},
	{"Adel", "عادل"}, {"Sameh", "سامح"}, {"Ramy", "رامي"}, {"Ehab", "إيهاب"}, {"Magdy", "مجدي"},
	{"Sayed", "سيد"},
};

static const struct cor_name egy_female[] = {
	{"Fatma", "فاطمة"}, {"Mariam", "مريم"}, {"Nour", "نور"}, {"Aya", "آية"}, {"Sara", "سارة"},
	{"Heba", "هبة"}, {"Mona", "منى"}, {"Rania", "رانيا"}, {"Dina", "دينا"},
	{"Yasmin", "ياسمين"}, {"Amira", "أميرة"}, {"Salma", "سلمى"}, {"Nada", "ندى"},
	{"Hoda", "هدى"}, {"Eman", "إيمان"}, {"Shaimaa", "شيماء"}, {"Asmaa", "أسماء"},
	{"Doaa", "دعاء"}, {"Marwa", "مروة"}, {"Reham", "ريهام"}, {"Ghada", "غادة"},
	{"Samah", "سماح"}, {"Nesma", "نسمة"}, {"Hend", "هند"}, {"Aisha", "عائشة"},
	{"Zeinab", "زينب"}, {"Soad", "سعاد"}, {"Nagwa", "نجوى"}, {"Mervat", "ميرفت"},
	{"Marina", "مارينا"}, {"Demiana", "دميانة"}, {"Habiba", "حبيبة"}, {"Rahma", "رحمة"},
};

static const struct cor_name egy_family[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Mahmoud", "محمود"}, {"Hassan", "حسن"},
	{"Ali", "علي"}, {"Ibrahim", "إبراهيم"}, {"Mostafa", "مصطفى"}, {"Abdelaziz", "عبد العزيز"},
	{"Abdallah", "عبد الله"}, {"El Sayed", "السيد"}, {"Farouk", "فاروق"}, {"Fathy", "فتحي"},
	{"Salah", "صلاح"}, {"Gamal", "جمال"}, {"Kamal", "كمال"}, {"Hussein", "حسين"},
	{"Ismail", "إسماعيل"}, {"Soliman", "سليمان"}, {"Youssef", "يوسف"}, {"Mansour", "منصور"},
	{"Abdelhamid", "عبد الحميد"}, {"Ramadan", "رمضان"}, {"Shehata", "شحاتة"}, {"Fawzy", "فوزي"},
	{"Hamdy", "حمدي"}, {"Saad", "سعد"}, {"Zaki", "زكي"}, {"Helmy", "حلمي"}, {"Naguib", "نجيب"},
	{"Abdelmalek", "عبد الملك"}, {"Girgis", "جرجس"}, {"Hanna", "حنا"}, {"Fahmy", "فهمي"},
	{"Mikhail", "ميخائيل"}, {"Ghaly", "غالي"}, {"Attia", "عطية"}, {"Hegazy", "حجازي"},
	{"Badawy", "بدوي"}, {"El Masry", "المصري"},
};

/* ERI */
static const struct cor_name eri_male[] = {
	{"Yonas", "ዮናስ"}, {"Tesfay", "ተስፋይ"}, {"Berhane", "ብርሃነ"}, {"Tekle", "ተኽለ"},
	{"Mehari", "መሓሪ"}, {"Filmon", "ፊልሞን"}, {"Samuel", "ሳሙኤል"}, {"Dawit", "ዳዊት"},
	{"Yohannes", "ዮሃንስ"}, {"Habte", "ሃብተ"}, {"Kibrom", "ክብሮም"}, {"Tesfamichael", "ተስፋሚካኤል"},
	{"Ghirmay", "ግርማይ"}, {"Amanuel", "ኣማኑኤል"}, {"Robel", "ሮቤል"}, {"Michael", "ሚካኤል"},
	{"Semere", "ሰመረ"}, {"Goitom", "ጎይትኦም"}, {"Efrem", "ኤፍሬም"}, {"Yemane", "የማነ"},
	{"Mussie", "ሙሴ"}, {"Tedros", "ቴድሮስ"}, {"Awet", "ኣወት"}, {"Senai", "ሰናይ"},
	{"Natnael", "ናትናኤል"}, {"Biniam", "ቢንያም"}, {"Aron", "ኣሮን"}, {"Henok", "ሄኖክ"},
	{"Abraham", "ኣብርሃም"}, {"Mohammed", "መሓመድ"}, {"Idris", "ኢድሪስ"}, {"Osman", "ዑስማን"},
};

static const struct cor_name eri_female[] = {
	{"Helen", "ሄለን"}, {"Senait", "ሰናይት"}, {"Selam", "ሰላም"}, {"Saba", "ሳባ"},
	{"Yordanos", "ዮርዳኖስ"}, {"Luwam", "ሉዋም"}, {"Rahel", "ራሄል"}, {"Hiwet", "ሕይወት"},
	{"Winta", "ዊንታ"}, {"Lidia", "ሊድያ"}, {"Semhar", "ሰምሃር"}, {"Freweini", "ፍረወይኒ"},
	{"Tsega", "ጸጋ"}, {"Elsa", "ኤልሳ"}, {"Abrehet", "ኣብረኸት"}, {"Mebrat", "መብራት"},
	{"Tirhas", "ትርሓስ"}, {"Feven", "ፌቨን"}, {"Meron", "ሜሮን"}, {"Ruta", "ሩታ"}, {"Sara", "ሳራ"},
	{"Tsige", "ጽገ"}, {"Ksanet", "ቅሳነት"}, {"Merhawit", "መርሓዊት"}, {"Yohana", "ዮሃና"},
	{"Medhanit", "መድሃኒት"}, {"Nardos", "ናርዶስ"}, {"Eden", "ኤደን"}, {"Amna", "ኣምና"},
	{"Halima", "ሓሊማ"}, {"Mihret", "ምሕረት"}, {"Selamawit", "ሰላማዊት"},
};

static const struct cor_name eri_family[] = {
	{"Tesfay", "ተስፋይ"}, {"Gebremedhin", "ገብረመድህን"}, {"Haile", "ሃይለ"}, {"Tekle", "ተኽለ"},
	{"Berhe", "በርሀ"}, {"Kidane", "ኪዳነ"}, {"Ghebreyesus", "ገብረየሱስ"}, {"Tesfamariam", "ተስፋማርያም"},
	{"Woldemichael", "ወልደሚካኤል"}, {"Gebrehiwet", "ገብረሕይወት"}, {"Habtemariam", "ሃብተማርያም"},
	{"Weldu", "ወልዱ"}, {"Mehari", "መሓሪ"}, {"Yemane", "የማነ"}, {"Asmerom", "ኣስመሮም"},
	{"Tewolde", "ተወልደ"}, {"Abraha", "ኣብርሃ"}, {"Gebru", "ገብሩ"}, {"Hagos", "ሓጎስ"},
	{"Negash", "ነጋሽ"}, {"Kahsay", "ካሕሳይ"}, {"Tsegay", "ጸጋይ"}, {"Mebrahtu", "መብራህቱ"},
	{"Zerai", "ዘርኣይ"}, {"Araya", "ኣርኣያ"}, {"Solomon", "ሰሎሞን"}, {"Mengisteab", "መንግስትኣብ"},
	{"Fessehaye", "ፍስሃየ"}, {"Semere", "ሰመረ"}, {"Yohannes", "ዮሃንስ"}, {"Idris", "ኢድሪስ"},
	{"Osman", "ዑስማን"}, {"Mohammed", "መሓመድ"}, {"Ghebremeskel", "ገብረመስቀል"},
};

/* ETH */
static const struct cor_name eth_male[] = {
	{"Abebe", "አበበ"}, {"Tesfaye", "ተስፋዬ"}, {"Girma", "ግርማ"}, {"Mulugeta", "ሙሉጌታ"},
	{"Solomon", "ሰሎሞን"}, {"Dawit", "ዳዊት"}, {"Yohannes", "ዮሐንስ"}, {"Tadesse", "ታደሰ"},
	{"Bekele", "በቀለ"}, {"Getachew", "ጌታቸው"}, {"Alemayehu", "አለማየሁ"}, {"Haile", "ኃይሌ"},
	{"Kebede", "ከበደ"}, {"Tekle", "ተክሌ"}, {"Mesfin", "መስፍን"}, {"Berhanu", "ብርሃኑ"},
	{"Fikru", "ፍቅሩ"}, {"Yonas", "ዮናስ"}, {"Biniam", "ቢንያም"}, {"Henok", "ሄኖክ"},
	{"Samuel", "ሳሙኤል"}, {"Tewodros", "ቴዎድሮስ"}, {"Ermias", "ኤርሚያስ"}, {"Ashenafi", "አሸናፊ"},
	{"Daniel", "ዳንኤል"}, {"Abdi", "አብዲ"}, {"Mohammed", "መሐመድ"}, {"Gemechu", "ገመቹ"},
	{"Lemma", "ለማ"}, {"Tsegaye", "ፀጋዬ"}, {"Workneh", "ወርቅነህ"}, {"Negash", "ነጋሽ"},
};

static const struct cor_name eth_female[] = {
	{"Almaz", "አልማዝ"}, {"Tigist", "ትዕግስት"}, {"Hirut", "ሂሩት"}, {"Meseret", "መሰረት"},
	{"Genet", "ገነት"}, {"Selam", "ሰላም"}, {"Bethlehem", "ቤተልሔም"}, {"Hanna", "ሐና"},
	{"Marta", "ማርታ"}, {"Tsion", "ጽዮን"}, {"Mekdes", "መቅደስ"}, {"Aster", "አስቴር"}, {"Abeba", "አበባ"},
	{"Etenesh", "እቴነሽ"}, {"Birtukan", "ብርቱካን"}, {"Senait", "ሰናይት"}, {"Meron", "ሜሮን"},
	{"Helen", "ሄለን"}, {"Eden", "ኤደን"}, {"Rahel", "ራሔል"}, {"Mahlet", "ማህሌት"},
	{"Fikirte", "ፍቅርተ"}, {"Tsehay", "ፀሐይ"}, {"Lulit", "ሉሊት"}, {"Sara", "ሳራ"},
	{"Kidist", "ቅድስት"}, {"Woinshet", "ወይንሸት"}, {"Chaltu", "ጫልቱ"}, {"Ayantu", "አያንቱ"},
	{"Bontu", "ቦንቱ"}, {"Amina", "አሚና"}, {"Yeshimebet", "የሺመቤት"},
};

static const struct cor_name eth_family[] = {
	{"Tesfaye", "ተስፋዬ"}, {"Bekele", "በቀለ"}, {"Alemu", "አለሙ"}, {"Tadesse", "ታደሰ"},
	{"Kebede", "ከበደ"}, {"Girma", "ግርማ"}, {"Haile", "ኃይሌ"}, {"Getachew", "ጌታቸው"},
	{"Mengistu", "መንግሥቱ"}, {"Wolde", "ወልዴ"}, {"Desta", "ደስታ"}, {"Assefa", "አሰፋ"},
	{"Negash", "ነጋሽ"}, {"Tefera", "ተፈራ"}, {"Mekonnen", "መኮንን"}, {"Gebre", "ገብሬ"},
	{"Abebe", "አበበ"}, {"Worku", "ወርቁ"}, {"Demissie", "ደምሴ"}, {"Mulatu", "ሙላቱ"},
	{"Ayele", "አየለ"}, {"Tilahun", "ጥላሁን"}, {"Yilma", "ይልማ"}, {"Asfaw", "አስፋው"},
	{"Shiferaw", "ሽፈራው"}, {"Lemma", "ለማ"}, {"Hailu", "ኃይሉ"}, {"Gebremariam", "ገብረማርያም"},
	{"Wondimu", "ወንድሙ"}, {"Dejene", "ደጀኔ"}, {"Fekadu", "ፈቃዱ"}, {"Belay", "በላይ"},
	{"Tekle", "ተክሌ"}, {"Amare", "አማረ"}, {"Alemayehu", "አለማየሁ"}, {"Berhanu", "ብርሃኑ"},
	{"Mohammed", "መሐመድ"}, {"Abdi", "አብዲ"},
};

/* GHA */
static const struct cor_name gha_male[] = {
	{"Kwame", NULL}, {"Kofi", NULL}, {"Kwabena", NULL}, {"Kwaku", NULL}, {"Yaw", NULL},
	{"Kwasi", NULL}, {"Kojo", NULL}, {"Kwadwo", NULL}, {"Kweku", NULL}, {"Kobina", NULL},
	{"Emmanuel", NULL}, {"Samuel", NULL}, {"Isaac", NULL}, {"Daniel", NULL}, {"Michael", NULL},
	{"Ebenezer", NULL}, {"Prince", NULL}, {"Richard", NULL}, {"Francis", NULL}, {"Eric", NULL},
	{"Joseph", NULL}, {"Stephen", NULL}, {"Godfred", NULL}, {"Nana", NULL}, {"Selorm", NULL},
	{"Senyo", NULL}, {"Elikem", NULL}, {"Edem", NULL}, {"Mawuli", NULL}, {"Ibrahim", NULL},
	{"Abdul", NULL}, {"Fuseini", NULL}, {"Alhassan", NULL},
};

static const struct cor_name gha_female[] = {
	{"Ama", NULL}, {"Akua", NULL}, {"Abena", NULL}, {"Adwoa", NULL}, {"Yaa", NULL},
	{"Afua", NULL}, {"Efua", NULL}, {"Esi", NULL}, {"Akosua", NULL}, {"Afia", NULL},
	{"Adjoa", NULL}, {"Araba", NULL}, {"Ekua", NULL}, {"Grace", NULL}, {"Mercy", NULL},
	{"Comfort", NULL}, {"Gifty", NULL}, {"Patience", NULL}, {"Abigail", NULL},
	{"Elizabeth", NULL}, {"Joyce", NULL}, {"Priscilla", NULL}, {"Vida", NULL}, {"Rita", NULL},
	{"Dzifa", NULL}, {"Enyonam", NULL}, {"Sena", NULL}, {"Esinam", NULL}, {"Mawusi", NULL},
	{"Adzo", NULL}, {"Akorfa", NULL}, {"Mariama", NULL}, {"Rahinatu", NULL},
};

static const struct cor_name gha_family[] = {
	{"Mensah", NULL}, {"Boateng", NULL}, {"Owusu", NULL}, {"Asante", NULL}, {"Osei", NULL},
	{"Agyeman", NULL}, {"Appiah", NULL}, {"Amoah", NULL}, {"Acheampong", NULL}, {"Addo", NULL},
	{"Antwi", NULL}, {"Ofori", NULL}, {"Darko", NULL}, {"Sarpong", NULL}, {"Quaye", NULL},
	{"Tetteh", NULL}, {"Quartey", NULL}, {"Adjei", NULL}, {"Danso", NULL}, {"Frimpong", NULL},
	{"Opoku", NULL}, {"Amponsah", NULL}, {"Ansah", NULL}, {"Asamoah", NULL}, {"Gyamfi", NULL},
	{"Bonsu", NULL}, {"Agbeko", NULL}, {"Kpodo", NULL}, {"Dogbe", NULL}, {"Amegashie", NULL},
	{"Agbenyega", NULL}, {"Issah", NULL}, {"Alhassan", NULL}, {"Abdulai", NULL},
	{"Seidu", NULL}, {"Fuseini", NULL},
};

/* GIN */
static const struct cor_name gin_male[] = {
	{"Mamadou", NULL}, {"Alpha", NULL}, {"Ibrahima", NULL}, {"Amadou", NULL}, {"Sékou", NULL},
	{"Ousmane", NULL}, {"Mohamed", NULL}, {"Abdoulaye", NULL}, {"Thierno", NULL},
	{"Boubacar", NULL}, {"Alseny", NULL}, {"Mamadi", NULL}, {"Lansana", NULL}, {"Sory", NULL},
	{"Aboubacar", NULL}, {"Oumar", NULL}, {"Souleymane", NULL}, {"Moussa", NULL},
	{"Fodé", NULL}, {"Karamo", NULL}, {"Morlaye", NULL}, {"Naby", NULL}, {"Kabinet", NULL},
	{"Almamy", NULL}, {"Sidiki", NULL}, {"Abdourahmane", NULL}, {"Saïdou", NULL},
	{"Elhadj", NULL}, {"Mory", NULL}, {"Cheick", NULL}, {"Facinet", NULL}, {"Alhassane", NULL},
};

static const struct cor_name gin_female[] = {
	{"Fatoumata", NULL}, {"Mariama", NULL}, {"Aissatou", NULL}, {"Kadiatou", NULL},
	{"Hadja", NULL}, {"Aminata", NULL}, {"Mariame", NULL}, {"Fanta", NULL}, {"Hawa", NULL},
	{"Djénabou", NULL}, {"Oumou", NULL}, {"Binta", NULL}, {"Saran", NULL}, {"Néné", NULL},
	{"Hadiatou", NULL}, {"Ramatoulaye", NULL}, {"Mabinty", NULL}, {"Fatou", NULL},
	{"Kadidiatou", NULL}, {"Makalé", NULL}, {"Salématou", NULL}, {"Sira", NULL},
	{"Aïssata", NULL}, {"Mafoudia", NULL}, {"Mahawa", NULL}, {"Diaraye", NULL},
	{"Assiatou", NULL}, {"Habibatou", NULL}, {"Safiatou", NULL}, {"M'Balia", NULL},
	{"Adama", NULL}, {"Tiguidanké", NULL},
};

static const struct cor_name gin_family[] = {
	{"Diallo", NULL}, {"Barry", NULL}, {"Bah", NULL}, {"Sow", NULL}, {"Camara", NULL},
	{"Sylla", NULL}, {"Condé", NULL}, {"Touré", NULL}, {"Keïta", NULL}, {"Kourouma", NULL},
	{"Soumah", NULL}, {"Bangoura", NULL}, {"Cissé", NULL}, {"Kaba", NULL}, {"Kanté", NULL},
	{"Diakité", NULL}, {"Baldé", NULL}, {"Fofana", NULL}, {"Conté", NULL}, {"Traoré", NULL},
	{"Doumbouya", NULL}, {"Kouyaté", NULL}, {"Koïvogui", NULL}, {"Haba", NULL}, {"Loua", NULL},
	{"Guilavogui", NULL}, {"Millimono", NULL}, {"Sacko", NULL}, {"Yansané", NULL},
	{"Kamano", NULL}, {"Sangaré", NULL}, {"Tounkara", NULL}, {"Souaré", NULL}, {"Chérif", NULL},
	{"Komara", NULL}, {"Onivogui", NULL}, {"Bérété", NULL}, {"Magassouba", NULL},
};

/* GMB */
static const struct cor_name gmb_male[] = {
	{"Lamin", NULL}, {"Ebrima", NULL}, {"Modou", NULL}, {"Alieu", NULL}, {"Omar", NULL},
	{"Ousman", NULL}, {"Muhammed", NULL}, {"Abdoulie", NULL}, {"Momodou", NULL},
	{"Bakary", NULL}, {"Musa", NULL}, {"Sulayman", NULL}, {"Yankuba", NULL}, {"Saikou", NULL},
	{"Ousainou", NULL}, {"Kebba", NULL}, {"Pa", NULL}, {"Karamo", NULL}, {"Buba", NULL},
	{"Malick", NULL}, {"Sheriff", NULL}, {"Babucarr", NULL}, {"Alhagie", NULL},
	{"Amadou", NULL}, {"Dawda", NULL}, {"Fabakary", NULL}, {"Seedy", NULL}, {"Sainey", NULL},
	{"Tijan", NULL}, {"Mustapha", NULL}, {"Ismaila", NULL}, {"Foday", NULL},
};

static const struct cor_name gmb_female[] = {
	{"Fatou", NULL}, {"Isatou", NULL}, {"Mariama", NULL}, {"Awa", NULL}, {"Haddy", NULL},
	{"Binta", NULL}, {"Kaddy", NULL}, {"Ndey", NULL}, {"Aji", NULL}, {"Jainaba", NULL},
	{"Sainabou", NULL}, {"Fatoumata", NULL}, {"Adama", NULL}, {"Oumie", NULL},
	{"Aminata", NULL}, {"Kumba", NULL}, {"Ya", NULL}, {"Amie", NULL}, {"Nyima", NULL},
	{"Sira", NULL}, {"Mam", NULL}, {"Neneh", NULL}, {"Rohey", NULL}, {"Hawa", NULL},
	{"Kaddijatou", NULL}, {"Musukebba", NULL}, {"Jarra", NULL}, {"Ramatoulie", NULL},
	{"Sohna", NULL}, {"Yassin", NULL}, {"Olimatou", NULL}, {"Metta", NULL},
};

static const struct cor_name gmb_family[] = {
	{"Jallow", NULL}, {"Ceesay", NULL}, {"Touray", NULL}, {"Jobe", NULL}, {"Bah", NULL},
	{"Sowe", NULL}, {"Njie", NULL}, {"Darboe", NULL}, {"Camara", NULL}, {"Sanneh", NULL},
	{"Bojang", NULL}, {"Jammeh", NULL}, {"Manneh", NULL}, {"Sanyang", NULL}, {"Jatta", NULL},
	{"Drammeh", NULL}, {"Saidy", NULL}, {"Colley", NULL}, {"Fofana", NULL}, {"Jawara", NULL},
	{"Marong", NULL}, {"Conteh", NULL}, {"Faal", NULL}, {"Ndow", NULL}, {"Secka", NULL},
	{"Sarr", NULL}, {"Gaye", NULL}, {"Jaiteh", NULL}, {"Kinteh", NULL}, {"Badjie", NULL},
	{"Sonko", NULL}, {"Trawally", NULL}, {"Cham", NULL}, {"Fatty", NULL}, {"Sillah", NULL},
	{"Barrow", NULL}, {"Kujabi", NULL},
};

/* IRN */
static const struct cor_name irn_male[] = {
	{"Mohammad", "محمد"}, {"Ali", "علی"}, {"Hossein", "حسین"}, {"Reza", "رضا"},
	{"Mahdi", "مهدی"}, {"Amir", "امیر"}, {"Hamid", "حمید"}, {"Ahmad", "احمد"},
	{"Hassan", "حسن"}, {"Mohsen", "محسن"}, {"Majid", "مجید"}, {"Saeed", "سعید"},
	{"Javad", "جواد"}, {"Abbas", "عباس"}, {"Mehran", "مهران"}, {"Behnam", "بهنام"},
	{"Babak", "بابک"}, {"Farhad", "فرهاد"}, {"Kourosh", "کوروش"}, {"Arash", "آرش"},
	{"Omid", "امید"}, {"Navid", "نوید"}, {"Peyman", "پیمان"}, {"Vahid", "وحید"},
	{"Hamed", "حامد"}, {"Masoud", "مسعود"}, {"Morteza", "مرتضی"}, {"Amin", "امین"},
	{"Dariush", "داریوش"}, {"Kamran", "کامران"}, {"Siavash", "سیاوش"}, {"Pouya", "پویا"},
	{"Milad", "میلاد"}, {"Ebrahim", "ابراهیم"}, {"Mostafa", "مصطفی"},
};

static const struct cor_name irn_female[] = {
	{"Fatemeh", "فاطمه"}, {"Zahra", "زهرا"}, {"Maryam", "مریم"}, {"Masoumeh", "معصومه"},
	{"Zeinab", "زینب"}, {"Sara", "سارا"}, {"Narges", "نرگس"}, {"Leila", "لیلا"},
	{"Mahsa", "مهسا"}, {"Shirin", "شیرین"}, {"Parisa", "پریسا"}, {"Nazanin", "نازنین"},
	{"Elham", "الهام"}, {"Somayeh", "سمیه"}, {"Mina", "مینا"}, {"Neda", "ندا"},
	{"Azadeh", "آزاده"}, {"Roya", "رویا"}, {"Fariba", "فریبا"}, {"Shiva", "شیوا"},
	{"Mahnaz", "مهناز"}, {"Samira", "سمیرا"}, {"Soheila", "سهیلا"}, {"Parvaneh", "پروانه"},
	{"Golnar", "گلنار"}, {"Atefeh", "عاطفه"}, {"Niloufar", "نیلوفر"}, {"Mojgan", "مژگان"},
	{"Tahereh", "طاهره"}, {"Ladan", "لادن"}, {"Azam", "اعظم"}, {"Marzieh", "مرضیه"},
	{"Kimia", "کیمیا"}, {"Hanieh", "هانیه"},
};

static const struct cor_name irn_family[] = {
	{"Mohammadi", "محمدی"}, {"Hosseini", "حسینی"}, {"Ahmadi", "احمدی"}, {"Rezaei", "رضایی"},
	{"Moradi", "مرادی"}, {"Karimi", "کریمی"}, {"Jafari", "جعفری"}, {"Rahimi", "رحیمی"},
	{"Hashemi", "هاشمی"}, {"Mousavi", "موسوی"}, {"Sadeghi", "صادقی"}, {"Kazemi", "کاظمی"},
	{"Heidari", "حیدری"}, {"Ghasemi", "قاسمی"}, {"Alizadeh", "علیزاده"}, {"Rahmani", "رحمانی"},
	{"Akbari", "اکبری"}, {"Nazari", "نظری"}, {"Abbasi", "عباسی"}, {"Salehi", "صالحی"},
	{"Najafi", "نجفی"}, {"Asadi", "اسدی"}, {"Farahani", "فراهانی"}, {"Tehrani", "تهرانی"},
	{"Shirazi", "شیرازی"}, {"Esfahani", "اصفهانی"}, {"Tabrizi", "تبریزی"},
	{"Ebrahimi", "ابراهیمی"}, {"Ansari", "انصاری"}, {"Bagheri", "باقری"}, {"Amini", "امینی"},
	{"Soltani", "سلطانی"}, {"Zarei", "زارعی"}, {"Yazdani", "یزدانی"}, {"Khosravi", "خسروی"},
	{"Rostami", "رستمی"}, {"Sharifi", "شریفی"}, {"Ghorbani", "قربانی"}, {"Azizi", "عزیزی"},
	{"Hamidi", "حمیدی"},
};

/* IRQ */
static const struct cor_name irq_male[] = {
	{"Mohammed", "محمد"}, {"Ali", "علي"}, {"Ahmed", "أحمد"}, {"Hussein", "حسين"},
	{"Hassan", "حسن"}, {"Abbas", "عباس"}, {"Haider", "حيدر"}, {"Mustafa", "مصطفى"},
	{"Omar", "عمر"}, {"Muhannad", "مهند"}, {"Karrar", "كرار"}, {"Sajjad", "سجاد"},
	{"Murtadha", "مرتضى"}, {"Mahdi", "مهدي"}, {"Ammar", "عمار"}, {"Yasser", "ياسر"},
	{"Saif", "سيف"}, {"Zaid", "زيد"}, {"Qasim", "قاسم"}, {"Jassim", "جاسم"}, {"Kadhim", "كاظم"},
	{"Salam", "سلام"}, {"Falah", "فلاح"}, {"Raad", "رعد"}, {"Ibrahim", "إبراهيم"},
	{"Khalid", "خالد"}, {"Muthanna", "مثنى"}, {"Hamid", "حميد"}, {"Abdulkareem", "عبد الكريم"},
	{"Ayad", "إياد"}, {"Mazin", "مازن"}, {"Adel", "عادل"},
};

static const struct cor_name irq_female[] = {
	{"Fatima", "فاطمة"}, {"Zahraa", "زهراء"}, {"Zainab", "زينب"}, {"Maryam", "مريم"},
	{"Noor", "نور"}, {"Hawraa", "حوراء"}, {"Ruqaya", "رقية"}, {"Sara", "سارة"}, {"Huda", "هدى"},
	{"Shaimaa", "شيماء"}, {"Israa", "إسراء"}, {"Duaa", "دعاء"}, {"Aya", "آية"},
	{"Rusul", "رسل"}, {"Ban", "بان"}, {"Sundus", "سندس"}, {"Nadia", "نادية"}, {"Wasan", "وسن"},
	{"Hanan", "حنان"}, {"Iman", "إيمان"}, {"Suha", "سهى"}, {"Asmaa", "أسماء"},
	{"Marwa", "مروة"}, {"Amal", "أمل"}, {"Alyaa", "علياء"}, {"Batool", "بتول"},
	{"Khadija", "خديجة"}, {"Safa", "صفاء"}, {"Layla", "ليلى"}, {"Rasha", "رشا"},
	{"Taiba", "طيبة"},
};

static const struct cor_name irq_family[] = {
	{"Al-Jubouri", "الجبوري"}, {"Al-Dulaimi", "الدليمي"}, {"Al-Tamimi", "التميمي"},
	{"Al-Obaidi", "العبيدي"}, {"Al-Shammari", "الشمري"}, {"Al-Zubaidi", "الزبيدي"},
	{"Al-Saadi", "الساعدي"}, {"Al-Maliki", "المالكي"}, {"Al-Khafaji", "الخفاجي"},
	{"Al-Rubaie", "الربيعي"}, {"Al-Hashimi", "الهاشمي"}, {"Al-Mousawi", "الموسوي"},
	{"Al-Husseini", "الحسيني"}, {"Al-Azzawi", "العزاوي"}, {"Al-Janabi", "الجنابي"},
	{"Al-Kubaisi", "الكبيسي"}, {"Al-Bayati", "البياتي"}, {"Al-Hamdani", "الحمداني"},
	{"Al-Ani", "العاني"}, {"Al-Rawi", "الراوي"}, {"Al-Samarrai", "السامرائي"},
	{"Al-Bahadli", "البهادلي"}, {"Al-Lami", "اللامي"}, {"Al-Mayahi", "المياحي"},
	{"Al-Kaabi", "الكعبي"}, {"Al-Fatlawi", "الفتلاوي"}, {"Al-Asadi", "الأسدي"},
	{"Hussein", "حسين"}, {"Ali", "علي"}, {"Abbas", "عباس"}, {"Jassim", "جاسم"},
	{"Kadhim", "كاظم"}, {"Hassan", "حسن"}, {"Mahmoud", "محمود"}, {"Salih", "صالح"},
	{"Khalil", "خليل"},
};

/* LBY */
static const struct cor_name lby_male[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Ali", "علي"}, {"Abdullah", "عبد الله"},
	{"Omar", "عمر"}, {"Salem", "سالم"}, {"Khaled", "خالد"}, {"Mustafa", "مصطفى"},
	{"Ibrahim", "إبراهيم"}, {"Abdulsalam", "عبد السلام"}, {"Abdulhamid", "عبد الحميد"},
	{"Faraj", "فرج"}, {"Mabrouk", "مبروك"}, {"Nouri", "نوري"}, {"Fathi", "فتحي"},
	{"Saleh", "صالح"}, {"Hussein", "حسين"}, {"Miloud", "ميلود"}, {"Tarek", "طارق"},
	{"Yousef", "يوسف"}, {"Hamza", "حمزة"}, {"Osama", "أسامة"}, {"Moataz", "معتز"},
	{"Abdelbasset", "عبد الباسط"}, {"Ramadan", "رمضان"}, {"Mahmoud", "محمود"}, {"Adel", "عادل"},
	{"Jamal", "جمال"}, {"Emad", "عماد"}, {"Anwar", "أنور"}, {"Husam", "حسام"},
	{"Walid", "وليد"}, {"Abubaker", "أبوبكر"}, {"Muftah", "مفتاح"},
};

static const struct cor_name lby_female[] = {
	{"Fatima", "فاطمة"}, {"Aisha", "عائشة"}, {"Khadija", "خديجة"}, {"Mariam", "مريم"},
	{"Salma", "سلمى"}, {"Amal", "أمل"}, {"Huda", "هدى"}, {"Asma", "أسماء"}, {"Nadia", "نادية"},
	{"Hanan", "حنان"}, {"Naima", "نعيمة"}, {"Fawzia", "فوزية"}, {"Suad", "سعاد"},
	{"Najat", "نجاة"}, {"Zainab", "زينب"}, {"Sara", "سارة"}, {"Rabia", "ربيعة"},
	{"Safia", "صفية"}, {"Mabrouka", "مبروكة"}, {"Aziza", "عزيزة"}, {"Salima", "سليمة"},
	{"Hawa", "حواء"}, {"Samira", "سميرة"}, {"Ibtisam", "ابتسام"}, {"Iman", "إيمان"},
	{"Nisreen", "نسرين"}, {"Rim", "ريم"}, {"Abeer", "عبير"}, {"Hajer", "هاجر"},
	{"Zahra", "زهرة"}, {"Malak", "ملاك"}, {"Marwa", "مروة"},
};

static const struct cor_name lby_family[] = {
	{"Al-Warfalli", "الورفلي"}, {"Al-Misrati", "المصراتي"}, {"Al-Zintani", "الزنتاني"},
	{"Al-Tarhouni", "الترهوني"}, {"Al-Obeidi", "العبيدي"}, {"Al-Barghathi", "البرغثي"},
	{"Al-Fitouri", "الفيتوري"}, {"Ben Omran", "بن عمران"}, {"Al-Gharyani", "الغرياني"},
	{"Al-Mabrouk", "المبروك"}, {"Al-Sharif", "الشريف"}, {"Al-Tajouri", "التاجوري"},
	{"Al-Kikhia", "الكيخيا"}, {"Al-Senussi", "السنوسي"}, {"Al-Mahmoudi", "المحمودي"},
	{"Al-Hasi", "الحاسي"}, {"Al-Dressi", "الدرسي"}, {"Al-Zuwai", "الزوي"},
	{"Al-Mismari", "المسماري"}, {"Ben Khalifa", "بن خليفة"}, {"Al-Mansouri", "المنصوري"},
	{"Al-Swehli", "السويحلي"}, {"Al-Kabir", "الكبير"}, {"Al-Ageli", "العقيلي"},
	{"Al-Mahdawi", "المهدوي"}, {"Ben Salem", "بن سالم"}, {"Al-Muntasser", "المنتصر"},
	{"Al-Qadi", "القاضي"}, {"Mohamed", "محمد"}, {"Ali", "علي"}, {"Ahmed", "أحمد"},
	{"Salem", "سالم"}, {"Abdullah", "عبد الله"}, {"Omar", "عمر"}, {"Ibrahim", "إبراهيم"},
	{"Al-Fakhri", "الفاخري"},
};

/* MAR */
static const struct cor_name mar_male[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Youssef", "يوسف"}, {"Hamza", "حمزة"},
	{"Ayoub", "أيوب"}, {"Mehdi", "مهدي"}, {"Rachid", "رشيد"}, {"Abdelilah", "عبد الإله"},
	{"Abdellah", "عبد الله"}, {"Mustapha", "مصطفى"}, {"Said", "سعيد"}, {"Hassan", "حسن"},
	{"Omar", "عمر"}, {"Karim", "كريم"}, {"Khalid", "خالد"}, {"Driss", "إدريس"},
	{"Brahim", "إبراهيم"}, {"Hicham", "هشام"}, {"Nabil", "نبيل"}, {"Adil", "عادل"},
	{"Mounir", "منير"}, {"Reda", "رضا"}, {"Anas", "أنس"}, {"Soufiane", "سفيان"},
	{"Zakaria", "زكرياء"}, {"Othmane", "عثمان"}, {"Abdelkader", "عبد القادر"},
	{"Jamal", "جمال"}, {"Noureddine", "نور الدين"}, {"Aziz", "عزيز"}, {"Mohcine", "محسن"},
	{"Younes", "يونس"}, {"Ismail", "إسماعيل"}, {"Ilyas", "إلياس"},
};

static const struct cor_name mar_female[] = {
	{"Fatima", "فاطمة"}, {"Khadija", "خديجة"}, {"Aicha", "عائشة"}, {"Zineb", "زينب"},
	{"Meryem", "مريم"}, {"Salma", "سلمى"}, {"Hanane", "حنان"}, {"Naima", "نعيمة"},
	{"Malika", "مليكة"}, {"Latifa", "لطيفة"}, {"Samira", "سميرة"}, {"Nadia", "نادية"},
	{"Houda", "هدى"}, {"Siham", "سهام"}, {"Imane", "إيمان"}, {"Hajar", "هاجر"},
	{"Sanaa", "سناء"}, {"Soukaina", "سكينة"}, {"Kawtar", "كوثر"}, {"Asmae", "أسماء"},
	{"Loubna", "لبنى"}, {"Ghizlane", "غزلان"}, {"Hind", "هند"}, {"Rachida", "رشيدة"},
	{"Saida", "سعيدة"}, {"Amina", "أمينة"}, {"Yasmine", "ياسمين"}, {"Oumaima", "أميمة"},
	{"Chaimae", "شيماء"}, {"Ikram", "إكرام"}, {"Btissam", "ابتسام"}, {"Wafae", "وفاء"},
	{"Fadoua", "فدوى"},
};

static const struct cor_name mar_family[] = {
	{"Alaoui", "العلوي"}, {"El Idrissi", "الإدريسي"}, {"Benali", "بنعلي"}, {"Bennani", "بناني"},
	{"Tazi", "التازي"}, {"El Amrani", "العمراني"}, {"Berrada", "برادة"},
	{"Benjelloun", "بنجلون"}, {"Chraibi", "الشرايبي"}, {"El Fassi", "الفاسي"},
	{"Lahlou", "لحلو"}, {"Ouazzani", "الوزاني"}, {"Belhaj", "بلحاج"},
	{"El Mansouri", "المنصوري"}, {"Bouzidi", "البوزيدي"}, {"Ait Ahmed", "آيت أحمد"},
	{"Ait Ali", "آيت علي"}, {"Boukhari", "البخاري"}, {"Naciri", "الناصري"},
	{"Ziani", "الزياني"}, {"Kabbaj", "القباج"}, {"Bensaid", "بنسعيد"}, {"Benmoussa", "بنموسى"},
	{"Zerouali", "الزروالي"}, {"El Khattabi", "الخطابي"}, {"Bouazza", "بوعزة"},
	{"Ennaji", "الناجي"}, {"Essaidi", "السعيدي"}, {"Moussaoui", "الموساوي"},
	{"Tahiri", "الطاهري"}, {"Filali", "الفيلالي"}, {"Cherkaoui", "الشرقاوي"},
	{"Slaoui", "السلاوي"}, {"Benchekroun", "بنشقرون"}, {"Benkirane", "بنكيران"},
	{"Haddaoui", "الحداوي"},
};

/* MLI */
static const struct cor_name mli_male[] = {
	{"Mamadou", NULL}, {"Moussa", NULL}, {"Modibo", NULL}, {"Seydou", NULL}, {"Bakary", NULL},
	{"Adama", NULL}, {"Souleymane", NULL}, {"Ibrahim", NULL}, {"Boubacar", NULL},
	{"Amadou", NULL}, {"Oumar", NULL}, {"Drissa", NULL}, {"Lassina", NULL}, {"Issa", NULL},
	{"Sékou", NULL}, {"Abdoulaye", NULL}, {"Yacouba", NULL}, {"Mahamadou", NULL},
	{"Siaka", NULL}, {"Daouda", NULL}, {"Fousseyni", NULL}, {"Sidiki", NULL}, {"Brahima", NULL},
	{"Bourama", NULL}, {"Cheick", NULL}, {"Aliou", NULL}, {"Mamadi", NULL}, {"Salif", NULL},
	{"Tiémoko", NULL}, {"Karim", NULL}, {"Hamidou", NULL}, {"Moriba", NULL},
};

static const struct cor_name mli_female[] = {
	{"Fatoumata", NULL}, {"Aminata", NULL}, {"Mariam", NULL}, {"Kadiatou", NULL}, {"Awa", NULL},
	{"Oumou", NULL}, {"Assétou", NULL}, {"Djeneba", NULL}, {"Hawa", NULL}, {"Salimata", NULL},
	{"Rokia", NULL}, {"Bintou", NULL}, {"Aïssata", NULL}, {"Kadidia", NULL}, {"Sitan", NULL},
	{"Nana", NULL}, {"Fanta", NULL}, {"Safiatou", NULL}, {"Ramata", NULL}, {"Korotoumou", NULL},
	{"Maïmouna", NULL}, {"Adiaratou", NULL}, {"Sanata", NULL}, {"Aïchata", NULL},
	{"Tenin", NULL}, {"Fily", NULL}, {"Nassira", NULL}, {"Kandia", NULL}, {"Sata", NULL},
	{"Djenebou", NULL}, {"Haby", NULL}, {"Mariétou", NULL},
};

static const struct cor_name mli_family[] = {
	{"Traoré", NULL}, {"Coulibaly", NULL}, {"Diarra", NULL}, {"Keïta", NULL}, {"Koné", NULL},
	{"Touré", NULL}, {"Diallo", NULL}, {"Sangaré", NULL}, {"Cissé", NULL}, {"Dembélé", NULL},
	{"Sissoko", NULL}, {"Konaté", NULL}, {"Doumbia", NULL}, {"Camara", NULL}, {"Kanté", NULL},
	{"Sidibé", NULL}, {"Maïga", NULL}, {"Diakité", NULL}, {"Samaké", NULL}, {"Dicko", NULL},
	{"Guindo", NULL}, {"Togola", NULL}, {"Bagayoko", NULL}, {"Sacko", NULL}, {"Fofana", NULL},
	{"Konaré", NULL}, {"Tounkara", NULL}, {"Ballo", NULL}, {"Sanogo", NULL}, {"Berthé", NULL},
	{"Kouyaté", NULL}, {"Diabaté", NULL}, {"Dao", NULL}, {"Tangara", NULL}, {"Bouaré", NULL},
	{"Doucouré", NULL},
};

/* NER */
static const struct cor_name ner_male[] = {
	{"Moussa", NULL}, {"Issoufou", NULL}, {"Abdou", NULL}, {"Ibrahim", NULL}, {"Oumarou", NULL},
	{"Hamidou", NULL}, {"Mahamadou", NULL}, {"Souleymane", NULL}, {"Amadou", NULL},
	{"Boubacar", NULL}, {"Idrissa", NULL}, {"Hassane", NULL}, {"Seydou", NULL},
	{"Harouna", NULL}, {"Ousmane", NULL}, {"Adamou", NULL}, {"Salissou", NULL},
	{"Illiassou", NULL}, {"Mamane", NULL}, {"Yacouba", NULL}, {"Abdoulaye", NULL},
	{"Saidou", NULL}, {"Moctar", NULL}, {"Issa", NULL}, {"Ali", NULL}, {"Garba", NULL},
	{"Sani", NULL}, {"Tahirou", NULL}, {"Abdourahamane", NULL}, {"Laouali", NULL},
	{"Soumaïla", NULL}, {"Mahamane", NULL},
};

static const struct cor_name ner_female[] = {
	{"Aïchatou", NULL}, {"Hadiza", NULL}, {"Mariama", NULL}, {"Zeinabou", NULL},
	{"Rakia", NULL}, {"Fatouma", NULL}, {"Halima", NULL}, {"Salamatou", NULL},
	{"Ramatou", NULL}, {"Balkissa", NULL}, {"Habsatou", NULL}, {"Hadjara", NULL},
	{"Safiatou", NULL}, {"Aminata", NULL}, {"Fati", NULL}, {"Haoua", NULL}, {"Zalika", NULL},
	{"Rabi", NULL}, {"Mariam", NULL}, {"Nafissa", NULL}, {"Kadidiatou", NULL}, {"Aïssa", NULL},
	{"Roukaya", NULL}, {"Bibata", NULL}, {"Hamsatou", NULL}, {"Djamila", NULL},
	{"Saadatou", NULL}, {"Rahila", NULL}, {"Nana", NULL}, {"Amina", NULL}, {"Sahadatou", NULL},
	{"Hassia", NULL},
};

static const struct cor_name ner_family[] = {
	{"Issoufou", NULL}, {"Abdou", NULL}, {"Moussa", NULL}, {"Mahamadou", NULL},
	{"Oumarou", NULL}, {"Hamani", NULL}, {"Boubacar", NULL}, {"Maïga", NULL}, {"Adamou", NULL},
	{"Garba", NULL}, {"Hassane", NULL}, {"Amadou", NULL}, {"Idrissa", NULL}, {"Souley", NULL},
	{"Seyni", NULL}, {"Harouna", NULL}, {"Ibrahim", NULL}, {"Djibo", NULL}, {"Alou", NULL},
	{"Halidou", NULL}, {"Sani", NULL}, {"Mamadou", NULL}, {"Ousseini", NULL}, {"Yacouba", NULL},
	{"Abdoulaye", NULL}, {"Hama", NULL}, {"Saley", NULL}, {"Younoussa", NULL}, {"Bako", NULL},
	{"Zakari", NULL}, {"Moumouni", NULL}, {"Idé", NULL}, {"Salifou", NULL}, {"Tinni", NULL},
	{"Kané", NULL}, {"Diallo", NULL},
};

/* NGA */
static const struct cor_name nga_male[] = {
	{"Abubakar", NULL}, {"Musa", NULL}, {"Ibrahim", NULL}, {"Aliyu", NULL}, {"Usman", NULL},
	{"Sani", NULL}, {"Yusuf", NULL}, {"Abdullahi", NULL}, {"Haruna", NULL},
	{"Abdulrahman", NULL}, {"Emeka", NULL}, {"Chukwuemeka", NULL}, {"Chinedu", NULL},
	{"Obinna", NULL}, {"Ikechukwu", NULL}, {"Nnamdi", NULL}, {"Uchenna", NULL},
	{"Kelechi", NULL}, {"Oluwaseun", NULL}, {"Babatunde", NULL}, {"Adebayo", NULL},
	{"Olumide", NULL}, {"Tunde", NULL}, {"Segun", NULL}, {"Femi", NULL}, {"Kayode", NULL},
	{"Ayodele", NULL}, {"Gbenga", NULL}, {"Samuel", NULL}, {"Daniel", NULL}, {"Emmanuel", NULL},
	{"John", NULL},
};

static const struct cor_name nga_female[] = {
	{"Aisha", NULL}, {"Fatima", NULL}, {"Hauwa", NULL}, {"Zainab", NULL}, {"Amina", NULL},
	{"Hadiza", NULL}, {"Halima", NULL}, {"Maryam", NULL}, {"Khadija", NULL}, {"Binta", NULL},
	{"Asabe", NULL}, {"Ngozi", NULL}, {"Chioma", NULL}, {"Adaeze", NULL}, {"Nneka", NULL},
	{"Chiamaka", NULL}, {"Ifeoma", NULL}, {"Amarachi", NULL}, {"Ebere", NULL},
	{"Uchechi", NULL}, {"Funmilayo", NULL}, {"Folake", NULL}, {"Yetunde", NULL},
	{"Bukola", NULL}, {"Adenike", NULL}, {"Titilayo", NULL}, {"Omolara", NULL},
	{"Oluwakemi", NULL}, {"Blessing", NULL}, {"Grace", NULL}, {"Esther", NULL}, {"Mercy", NULL},
};

static const struct cor_name nga_family[] = {
	{"Bello", NULL}, {"Abubakar", NULL}, {"Mohammed", NULL}, {"Ibrahim", NULL}, {"Musa", NULL},
	{"Usman", NULL}, {"Suleiman", NULL}, {"Danjuma", NULL}, {"Garba", NULL}, {"Lawal", NULL},
	{"Yakubu", NULL}, {"Aminu", NULL}, {"Okafor", NULL}, {"Okonkwo", NULL}, {"Eze", NULL},
	{"Nwosu", NULL}, {"Obi", NULL}, {"Okeke", NULL}, {"Nwachukwu", NULL}, {"Onyeka", NULL},
	{"Chukwu", NULL}, {"Okoro", NULL}, {"Okoye", NULL}, {"Adeyemi", NULL}, {"Adebayo", NULL},
	{"Ogunleye", NULL}, {"Oladipo", NULL}, {"Afolabi", NULL}, {"Balogun", NULL},
	{"Olatunji", NULL}, {"Adeleke", NULL}, {"Ogundele", NULL}, {"Akinola", NULL}, {"Ojo", NULL},
	{"Babalola", NULL}, {"Oyewole", NULL},
};

/* PAK */
static const struct cor_name pak_male[] = {
	{"Muhammad", "محمد"}, {"Ahmed", "احمد"}, {"Ali", "علی"}, {"Hassan", "حسن"},
	{"Hussain", "حسین"}, {"Imran", "عمران"}, {"Usman", "عثمان"}, {"Bilal", "بلال"},
	{"Asif", "آصف"}, {"Tariq", "طارق"}, {"Kamran", "کامران"}, {"Shahid", "شاہد"},
	{"Zahid", "زاہد"}, {"Waqas", "وقاص"}, {"Faisal", "فیصل"}, {"Adnan", "عدنان"},
	{"Naveed", "نوید"}, {"Sajid", "ساجد"}, {"Khalid", "خالد"}, {"Rashid", "راشد"},
	{"Irfan", "عرفان"}, {"Arshad", "ارشد"}, {"Javed", "جاوید"}, {"Nadeem", "ندیم"},
	{"Abdul Rehman", "عبدالرحمن"}, {"Zeeshan", "ذیشان"}, {"Hamza", "حمزہ"}, {"Umar", "عمر"},
	{"Yasir", "یاسر"}, {"Saqib", "ثاقب"}, {"Junaid", "جنید"}, {"Fahad", "فہد"},
};

static const struct cor_name pak_female[] = {
	{"Ayesha", "عائشہ"}, {"Fatima", "فاطمہ"}, {"Sana", "ثناء"}, {"Saima", "صائمہ"},
	{"Nadia", "نادیہ"}, {"Amna", "آمنہ"}, {"Rabia", "رابعہ"}, {"Sadia", "سعدیہ"},
	{"Hina", "حنا"}, {"Farah", "فرح"}, {"Sidra", "سدرہ"}, {"Mehwish", "مہوش"},
	{"Bushra", "بشریٰ"}, {"Uzma", "عظمیٰ"}, {"Shazia", "شازیہ"}, {"Nazia", "نازیہ"},
	{"Kiran", "کرن"}, {"Asma", "اسماء"}, {"Zainab", "زینب"}, {"Maryam", "مریم"},
	{"Iqra", "اقراء"}, {"Aqsa", "اقصیٰ"}, {"Rukhsana", "رخسانہ"}, {"Shabana", "شبانہ"},
	{"Naseem", "نسیم"}, {"Parveen", "پروین"}, {"Samina", "ثمینہ"}, {"Tahira", "طاہرہ"},
	{"Nosheen", "نوشین"}, {"Anum", "انعم"}, {"Mahnoor", "ماہ نور"},
};

static const struct cor_name pak_family[] = {
	{"Khan", "خان"}, {"Ahmed", "احمد"}, {"Ali", "علی"}, {"Hussain", "حسین"}, {"Shah", "شاہ"},
	{"Malik", "ملک"}, {"Butt", "بٹ"}, {"Chaudhry", "چوہدری"}, {"Qureshi", "قریشی"},
	{"Sheikh", "شیخ"}, {"Raja", "راجہ"}, {"Akhtar", "اختر"}, {"Iqbal", "اقبال"},
	{"Mirza", "مرزا"}, {"Siddiqui", "صدیقی"}, {"Rana", "رانا"}, {"Abbasi", "عباسی"},
	{"Javed", "جاوید"}, {"Aslam", "اسلم"}, {"Bhatti", "بھٹی"}, {"Awan", "اعوان"},
	{"Gondal", "گوندل"}, {"Jutt", "جٹ"}, {"Arain", "آرائیں"}, {"Rajput", "راجپوت"},
	{"Mughal", "مغل"}, {"Baig", "بیگ"}, {"Yousafzai", "یوسفزئی"}, {"Afridi", "آفریدی"},
	{"Khattak", "خٹک"}, {"Memon", "میمن"}, {"Baloch", "بلوچ"}, {"Soomro", "سومرو"},
	{"Qazi", "قاضی"}, {"Hashmi", "ہاشمی"}, {"Kazmi", "کاظمی"}, {"Naqvi", "نقوی"},
	{"Rizvi", "رضوی"}, {"Cheema", "چیمہ"}, {"Warraich", "وڑائچ"},
};

/* SDN */
static const struct cor_name sdn_male[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Osman", "عثمان"}, {"Abdalla", "عبد الله"},
	{"Ibrahim", "إبراهيم"}, {"Hassan", "حسن"}, {"Hussein", "حسين"}, {"Ali", "علي"},
	{"Omer", "عمر"}, {"Abdelrahman", "عبد الرحمن"}, {"Khalid", "خالد"}, {"Mustafa", "مصطفى"},
	{"Yousif", "يوسف"}, {"Adam", "آدم"}, {"Ismail", "إسماعيل"}, {"Elsadig", "الصادق"},
	{"Elfatih", "الفاتح"}, {"Babiker", "بابكر"}, {"Musa", "موسى"}, {"Salih", "صالح"},
	{"Hamid", "حامد"}, {"Abdelaziz", "عبد العزيز"}, {"Siddig", "صديق"}, {"Tarig", "طارق"},
	{"Nasreldin", "نصر الدين"}, {"Hashim", "هاشم"}, {"Elnour", "النور"}, {"Awad", "عوض"},
	{"Mutasim", "معتصم"}, {"Mujtaba", "مجتبى"}, {"Bashir", "بشير"},
	{"Abdelmoneim", "عبد المنعم"}, {"Haidar", "حيدر"}, {"Yahia", "يحيى"}, {"Suliman", "سليمان"},
	{"Elamin", "الأمين"},
};

static const struct cor_name sdn_female[] = {
	{"Fatima", "فاطمة"}, {"Amna", "آمنة"}, {"Khadija", "خديجة"}, {"Mariam", "مريم"},
	{"Aisha", "عائشة"}, {"Zeinab", "زينب"}, {"Hawa", "حواء"}, {"Sara", "سارة"}, {"Huda", "هدى"},
	{"Asma", "أسماء"}, {"Samia", "سامية"}, {"Nafisa", "نفيسة"}, {"Sumaya", "سمية"},
	{"Hiba", "هبة"}, {"Rasha", "رشا"}, {"Ikhlas", "إخلاص"}, {"Nawal", "نوال"}, {"Amal", "أمل"},
	{"Awadia", "عوضية"}, {"Safaa", "صفاء"}, {"Hanan", "حنان"}, {"Eman", "إيمان"},
	{"Mona", "منى"}, {"Nada", "ندى"}, {"Rehab", "رحاب"}, {"Suad", "سعاد"}, {"Wafaa", "وفاء"},
	{"Halima", "حليمة"}, {"Insaf", "إنصاف"}, {"Tasneem", "تسنيم"}, {"Alawia", "علوية"},
	{"Nagla", "نجلاء"},
};

static const struct cor_name sdn_family[] = {
	{"Mohamed", "محمد"}, {"Ahmed", "أحمد"}, {"Osman", "عثمان"}, {"Abdalla", "عبد الله"},
	{"Ibrahim", "إبراهيم"}, {"Hassan", "حسن"}, {"Ali", "علي"}, {"Elhassan", "الحسن"},
	{"Adam", "آدم"}, {"Ishag", "إسحاق"}, {"Yagoub", "يعقوب"}, {"Abdelrahim", "عبد الرحيم"},
	{"Babiker", "بابكر"}, {"Elamin", "الأمين"}, {"Mahmoud", "محمود"}, {"Mustafa", "مصطفى"},
	{"Elsayed", "السيد"}, {"Hamad", "حمد"}, {"Abakar", "أبكر"}, {"Idris", "إدريس"},
	{"Eltayeb", "الطيب"}, {"Abdelgadir", "عبد القادر"}, {"Elkhidir", "الخضر"},
	{"Suliman", "سليمان"}, {"Fadul", "فضل"}, {"Gasim", "قاسم"}, {"Hamid", "حامد"},
	{"Omer", "عمر"}, {"Yousif", "يوسف"}, {"Musa", "موسى"}, {"Elsheikh", "الشيخ"},
	{"Haroun", "هارون"}, {"Awad", "عوض"}, {"Salih", "صالح"}, {"Khalil", "خليل"},
	{"Bakheit", "بخيت"}, {"Dafalla", "دفع الله"},
};

/* SEN */
static const struct cor_name sen_male[] = {
	{"Mamadou", NULL}, {"Moussa", NULL}, {"Abdoulaye", NULL}, {"Ibrahima", NULL},
	{"Cheikh", NULL}, {"Modou", NULL}, {"Ousmane", NULL}, {"Babacar", NULL}, {"Amadou", NULL},
	{"Aliou", NULL}, {"Mouhamed", NULL}, {"Serigne", NULL}, {"Pape", NULL},
	{"Souleymane", NULL}, {"Malick", NULL}, {"Omar", NULL}, {"Alioune", NULL}, {"Assane", NULL},
	{"Lamine", NULL}, {"Saliou", NULL}, {"Birame", NULL}, {"Mbaye", NULL}, {"Idrissa", NULL},
	{"Khadim", NULL}, {"Djibril", NULL}, {"Bassirou", NULL}, {"Samba", NULL}, {"Demba", NULL},
	{"Aboubacar", NULL}, {"Moustapha", NULL}, {"Insa", NULL}, {"Makhtar", NULL},
};

static const struct cor_name sen_female[] = {
	{"Fatou", NULL}, {"Aminata", NULL}, {"Awa", NULL}, {"Mariama", NULL}, {"Aïssatou", NULL},
	{"Khady", NULL}, {"Ndeye", NULL}, {"Astou", NULL}, {"Fatoumata", NULL}, {"Coumba", NULL},
	{"Adama", NULL}, {"Rokhaya", NULL}, {"Mame", NULL}, {"Binta", NULL}, {"Bineta", NULL},
	{"Penda", NULL}, {"Dieynaba", NULL}, {"Sokhna", NULL}, {"Maïmouna", NULL}, {"Yacine", NULL},
	{"Seynabou", NULL}, {"Khadija", NULL}, {"Arame", NULL}, {"Oumy", NULL},
	{"Nafissatou", NULL}, {"Marième", NULL}, {"Anta", NULL}, {"Ramatoulaye", NULL},
	{"Mbayang", NULL}, {"Khoudia", NULL}, {"Dior", NULL}, {"Sophie", NULL},
};

static const struct cor_name sen_family[] = {
	{"Diop", NULL}, {"Ndiaye", NULL}, {"Fall", NULL}, {"Sow", NULL}, {"Diallo", NULL},
	{"Gueye", NULL}, {"Ba", NULL}, {"Faye", NULL}, {"Sy", NULL}, {"Mbaye", NULL},
	{"Seck", NULL}, {"Sarr", NULL}, {"Cissé", NULL}, {"Diouf", NULL}, {"Niang", NULL},
	{"Thiam", NULL}, {"Kane", NULL}, {"Ka", NULL}, {"Dieng", NULL}, {"Sall", NULL},
	{"Camara", NULL}, {"Touré", NULL}, {"Ndour", NULL}, {"Mbengue", NULL}, {"Diagne", NULL},
	{"Sène", NULL}, {"Wade", NULL}, {"Tall", NULL}, {"Ly", NULL}, {"Badji", NULL},
	{"Sagna", NULL}, {"Diatta", NULL}, {"Goudiaby", NULL}, {"Lo", NULL}, {"Dia", NULL},
	{"Samb", NULL}, {"Thiaw", NULL}, {"Sock", NULL},
};

/* SOM */
static const struct cor_name som_male[] = {
	{"Mohamed", NULL}, {"Abdi", NULL}, {"Ahmed", NULL}, {"Ali", NULL}, {"Hassan", NULL},
	{"Abdirahman", NULL}, {"Abdullahi", NULL}, {"Omar", NULL}, {"Yusuf", NULL},
	{"Ibrahim", NULL}, {"Ismail", NULL}, {"Abdikadir", NULL}, {"Abdiaziz", NULL},
	{"Abdirizak", NULL}, {"Farah", NULL}, {"Osman", NULL}, {"Mahad", NULL}, {"Liban", NULL},
	{"Guled", NULL}, {"Bashir", NULL}, {"Hussein", NULL}, {"Khalid", NULL}, {"Mustafe", NULL},
	{"Said", NULL}, {"Jama", NULL}, {"Nur", NULL}, {"Abdiwali", NULL}, {"Hamza", NULL},
	{"Warsame", NULL}, {"Dahir", NULL}, {"Abshir", NULL}, {"Mukhtar", NULL}, {"Faisal", NULL},
};

static const struct cor_name som_female[] = {
	{"Fadumo", NULL}, {"Hodan", NULL}, {"Amina", NULL}, {"Asha", NULL}, {"Halima", NULL},
	{"Sahra", NULL}, {"Hawa", NULL}, {"Maryan", NULL}, {"Khadra", NULL}, {"Nimco", NULL},
	{"Ayaan", NULL}, {"Sagal", NULL}, {"Hibo", NULL}, {"Ubah", NULL}, {"Farhiya", NULL},
	{"Deqa", NULL}, {"Sucaad", NULL}, {"Fartun", NULL}, {"Ifrah", NULL}, {"Hamdi", NULL},
	{"Shukri", NULL}, {"Naima", NULL}, {"Ruqiya", NULL}, {"Idil", NULL}, {"Hani", NULL},
	{"Nasteho", NULL}, {"Safiya", NULL}, {"Ladan", NULL}, {"Muna", NULL}, {"Kowsar", NULL},
	{"Ilhan", NULL}, {"Anisa", NULL},
};

static const struct cor_name som_family[] = {
	{"Mohamed", NULL}, {"Ahmed", NULL}, {"Ali", NULL}, {"Hassan", NULL}, {"Abdi", NULL},
	{"Omar", NULL}, {"Farah", NULL}, {"Yusuf", NULL}, {"Jama", NULL}, {"Warsame", NULL},
	{"Osman", NULL}, {"Aden", NULL}, {"Ibrahim", NULL}, {"Abdullahi", NULL}, {"Hussein", NULL},
	{"Nur", NULL}, {"Ismail", NULL}, {"Elmi", NULL}, {"Egal", NULL}, {"Dirie", NULL},
	{"Samatar", NULL}, {"Abdulle", NULL}, {"Hersi", NULL}, {"Dahir", NULL}, {"Mohamud", NULL},
	{"Guled", NULL}, {"Awale", NULL}, {"Duale", NULL}, {"Gedi", NULL}, {"Isse", NULL},
	{"Roble", NULL}, {"Yasin", NULL}, {"Abdirahman", NULL}, {"Bile", NULL}, {"Shire", NULL},
	{"Barre", NULL},
};

/* SSD */
static const struct cor_name ssd_male[] = {
	{"John", NULL}, {"James", NULL}, {"Peter", NULL}, {"Deng", NULL}, {"Garang", NULL},
	{"Majok", NULL}, {"Malual", NULL}, {"Akol", NULL}, {"Bol", NULL}, {"Chol", NULL},
	{"Kuol", NULL}, {"Mabior", NULL}, {"Manyang", NULL}, {"Ajak", NULL}, {"Lual", NULL},
	{"Mayen", NULL}, {"Dut", NULL}, {"Thon", NULL}, {"Makur", NULL}, {"Gatluak", NULL},
	{"Gatwech", NULL}, {"Koang", NULL}, {"Riek", NULL}, {"Gai", NULL}, {"Nhial", NULL},
	{"Wani", NULL}, {"Lado", NULL}, {"Loku", NULL}, {"Taban", NULL}, {"Michael", NULL},
	{"Joseph", NULL}, {"David", NULL}, {"Samuel", NULL}, {"Emmanuel", NULL}, {"Simon", NULL},
	{"Stephen", NULL}, {"Abraham", NULL},
};

static const struct cor_name ssd_female[] = {
	{"Mary", NULL}, {"Rebecca", NULL}, {"Elizabeth", NULL}, {"Grace", NULL}, {"Sarah", NULL},
	{"Martha", NULL}, {"Rose", NULL}, {"Esther", NULL}, {"Veronica", NULL}, {"Josephine", NULL},
	{"Agnes", NULL}, {"Regina", NULL}, {"Achol", NULL}, {"Ayen", NULL}, {"Nyandeng", NULL},
	{"Abuk", NULL}, {"Akuol", NULL}, {"Adut", NULL}, {"Alek", NULL}, {"Aluel", NULL},
	{"Athieng", NULL}, {"Awut", NULL}, {"Yar", NULL}, {"Ajok", NULL}, {"Nyakuoth", NULL},
	{"Nyaluak", NULL}, {"Nyabol", NULL}, {"Nyachuol", NULL}, {"Keji", NULL}, {"Poni", NULL},
	{"Kiden", NULL}, {"Adhieu", NULL},
};

static const struct cor_name ssd_family[] = {
	{"Deng", NULL}, {"Garang", NULL}, {"Majok", NULL}, {"Malual", NULL}, {"Akol", NULL},
	{"Bol", NULL}, {"Chol", NULL}, {"Kuol", NULL}, {"Mabior", NULL}, {"Manyang", NULL},
	{"Ajak", NULL}, {"Lual", NULL}, {"Mayen", NULL}, {"Dut", NULL}, {"Thon", NULL},
	{"Makur", NULL}, {"Gatluak", NULL}, {"Gatwech", NULL}, {"Koang", NULL}, {"Gai", NULL},
	{"Nhial", NULL}, {"Wani", NULL}, {"Lado", NULL}, {"Loku", NULL}, {"Taban", NULL},
	{"Ater", NULL}, {"Aguer", NULL}, {"Arok", NULL}, {"Atem", NULL}, {"Kuany", NULL},
	{"Mading", NULL}, {"Riak", NULL}, {"Jok", NULL}, {"Ayuen", NULL}, {"Tut", NULL},
	{"Duop", NULL}, {"Jal", NULL},
};

/* SYR */
static const struct cor_name syr_male[] = {
	{"Mohammad", "محمد"}, {"Ahmad", "أحمد"}, {"Mahmoud", "محمود"}, {"Khaled", "خالد"},
	{"Omar", "عمر"}, {"Ali", "علي"}, {"Hussein", "حسين"}, {"Hasan", "حسن"}, {"Yousef", "يوسف"},
	{"Ibrahim", "إبراهيم"}, {"Abdulrahman", "عبد الرحمن"}, {"Abdullah", "عبد الله"},
	{"Mustafa", "مصطفى"}, {"Samer", "سامر"}, {"Bassel", "باسل"}, {"Firas", "فراس"},
	{"Rami", "رامي"}, {"Fadi", "فادي"}, {"Hamza", "حمزة"}, {"Anas", "أنس"}, {"Bilal", "بلال"},
	{"Majd", "مجد"}, {"Ammar", "عمار"}, {"Tarek", "طارق"}, {"Waleed", "وليد"},
	{"Nizar", "نزار"}, {"Ghassan", "غسان"}, {"Jamil", "جميل"}, {"Karam", "كرم"},
	{"Yazan", "يزن"}, {"Wael", "وائل"}, {"Louay", "لؤي"}, {"Maher", "ماهر"}, {"Moaz", "معاذ"},
};

static const struct cor_name syr_female[] = {
	{"Fatima", "فاطمة"}, {"Maryam", "مريم"}, {"Rasha", "رشا"}, {"Rania", "رانيا"},
	{"Lama", "لمى"}, {"Hala", "هالة"}, {"Nour", "نور"}, {"Aya", "آية"}, {"Rima", "ريما"},
	{"Rana", "رنا"}, {"Dima", "ديما"}, {"Reem", "ريم"}, {"Hiba", "هبة"}, {"Layla", "ليلى"},
	{"Zeinab", "زينب"}, {"Amal", "أمل"}, {"Sawsan", "سوسن"}, {"Ghada", "غادة"},
	{"Manal", "منال"}, {"Suha", "سهى"}, {"Samar", "سمر"}, {"Sara", "سارة"},
	{"Yasmin", "ياسمين"}, {"Rawan", "روان"}, {"Bayan", "بيان"}, {"Raghad", "رغد"},
	{"Shahd", "شهد"}, {"Alaa", "آلاء"}, {"Ruba", "ربى"}, {"Nisreen", "نسرين"},
	{"Hanadi", "هنادي"}, {"Lina", "لينا"},
};

static const struct cor_name syr_family[] = {
	{"Al-Ahmad", "الأحمد"}, {"Al-Hassan", "الحسن"}, {"Al-Ali", "العلي"},
	{"Al-Khatib", "الخطيب"}, {"Haddad", "حداد"}, {"Al-Masri", "المصري"},
	{"Al-Halabi", "الحلبي"}, {"Al-Shami", "الشامي"}, {"Hamdan", "حمدان"}, {"Khalil", "خليل"},
	{"Darwish", "درويش"}, {"Al-Sayed", "السيد"}, {"Youssef", "يوسف"}, {"Al-Hamwi", "الحموي"},
	{"Al-Homsi", "الحمصي"}, {"Kurdi", "كردي"}, {"Al-Jasem", "الجاسم"},
	{"Al-Abdullah", "العبد الله"}, {"Al-Mohammad", "المحمد"}, {"Al-Hussein", "الحسين"},
	{"Hamoud", "حمود"}, {"Al-Najjar", "النجار"}, {"Al-Khalaf", "الخلف"},
	{"Al-Sabbagh", "الصباغ"}, {"Al-Zein", "الزين"}, {"Qassem", "قاسم"}, {"Othman", "عثمان"},
	{"Al-Issa", "العيسى"}, {"Al-Hariri", "الحريري"}, {"Mansour", "منصور"}, {"Shaaban", "شعبان"},
	{"Al-Khaled", "الخالد"}, {"Suleiman", "سليمان"}, {"Ismail", "إسماعيل"},
	{"Al-Rifai", "الرفاعي"}, {"Nasser", "ناصر"},
};

/* TCD */
static const struct cor_name tcd_male[] = {
	{"Mahamat", "محمد"}, {"Abakar", "أبكر"}, {"Adoum", "آدم"}, {"Idriss", "إدريس"},
	{"Hassane", "حسن"}, {"Issa", "عيسى"}, {"Brahim", "إبراهيم"}, {"Youssouf", "يوسف"},
	{"Abdelkerim", "عبد الكريم"}, {"Hissein", "حسين"}, {"Moussa", "موسى"}, {"Ousmane", "عثمان"},
	{"Ahmat", "أحمد"}, {"Oumar", "عمر"}, {"Saleh", "صالح"}, {"Ali", "علي"},
	{"Abdallah", "عبد الله"}, {"Djibrine", "جبرين"}, {"Haroun", "هارون"}, {"Yacoub", "يعقوب"},
	{"Zakaria", "زكريا"}, {"Abderaman", "عبد الرحمن"}, {"Khalil", "خليل"}, {"Annour", "النور"},
	{"Acheikh", "الشيخ"}, {"Allamine", "الأمين"}, {"Djimadoum", NULL}, {"Djimrangar", NULL},
	{"Ngaradoum", NULL}, {"Allarassem", NULL}, {"Emmanuel", NULL}, {"Jean", NULL},
	{"Pierre", NULL}, {"Joseph", NULL},
};

static const struct cor_name tcd_female[] = {
	{"Fatimé", "فاطمة"}, {"Aïcha", "عائشة"}, {"Zenaba", "زينب"}, {"Hawa", "حواء"},
	{"Khadidja", "خديجة"}, {"Mariam", "مريم"}, {"Halimé", "حليمة"}, {"Amina", "أمينة"},
	{"Kaltouma", "كلتوم"}, {"Hadjé", "حاجة"}, {"Asma", "أسماء"}, {"Safia", "صفية"},
	{"Nafissa", "نفيسة"}, {"Djamila", "جميلة"}, {"Mouna", "منى"}, {"Salma", "سلمى"},
	{"Souad", "سعاد"}, {"Hadjara", "هاجر"}, {"Habiba", "حبيبة"}, {"Zakia", "زكية"},
	{"Solange", NULL}, {"Béatrice", NULL}, {"Remadji", NULL}, {"Marie", NULL}, {"Esther", NULL},
	{"Ruth", NULL}, {"Pauline", NULL}, {"Rachel", NULL}, {"Brigitte", NULL}, {"Odette", NULL},
};

static const struct cor_name tcd_family[] = {
	{"Mahamat", "محمد"}, {"Abakar", "أبكر"}, {"Adoum", "آدم"}, {"Hassane", "حسن"},
	{"Issa", "عيسى"}, {"Moussa", "موسى"}, {"Idriss", "إدريس"}, {"Ousmane", "عثمان"},
	{"Brahim", "إبراهيم"}, {"Youssouf", "يوسف"}, {"Ahmat", "أحمد"}, {"Saleh", "صالح"},
	{"Abdelkerim", "عبد الكريم"}, {"Hissein", "حسين"}, {"Haroun", "هارون"},
	{"Djibrine", "جبرين"}, {"Oumar", "عمر"}, {"Ali", "علي"}, {"Abdoulaye", "عبد الله"},
	{"Adam", "آدم"}, {"Hamid", "حامد"}, {"Souleymane", "سليمان"}, {"Yaya", "يحيى"},
	{"Mahamoud", "محمود"}, {"Zakaria", "زكريا"}, {"Abba", NULL}, {"Djimadoum", NULL},
	{"Ngaradoum", NULL}, {"Nadjingar", NULL}, {"Allarassem", NULL}, {"Ngarta", NULL},
};

/* UKR */
static const struct cor_name ukr_male[] = {
	{"Oleksandr", "Олександр"}, {"Andrii", "Андрій"}, {"Serhii", "Сергій"},
	{"Volodymyr", "Володимир"}, {"Dmytro", "Дмитро"}, {"Mykola", "Микола"}, {"Oleh", "Олег"},
	{"Yurii", "Юрій"}, {"Ivan", "Іван"}, {"Vasyl", "Василь"}, {"Petro", "Петро"},
	{"Taras", "Тарас"}, {"Bohdan", "Богдан"}, {"Maksym", "Максим"}, {"Artem", "Артем"},
	{"Denys", "Денис"}, {"Vitalii", "Віталій"}, {"Viktor", "Віктор"}, {"Pavlo", "Павло"},
	{"Roman", "Роман"}, {"Ihor", "Ігор"}, {"Anatolii", "Анатолій"}, {"Mykhailo", "Михайло"},
	{"Yaroslav", "Ярослав"}, {"Oleksii", "Олексій"}, {"Stepan", "Степан"},
	{"Hryhorii", "Григорій"}, {"Vladyslav", "Владислав"}, {"Yevhen", "Євген"},
	{"Kyrylo", "Кирило"}, {"Nazar", "Назар"}, {"Anton", "Антон"}, {"Ruslan", "Руслан"},
};

static const struct cor_name ukr_female[] = {
	{"Olena", "Олена"}, {"Nataliia", "Наталія"}, {"Tetiana", "Тетяна"}, {"Iryna", "Ірина"},
	{"Svitlana", "Світлана"}, {"Oksana", "Оксана"}, {"Yuliia", "Юлія"},
	{"Kateryna", "Катерина"}, {"Mariia", "Марія"}, {"Anna", "Анна"}, {"Olha", "Ольга"},
	{"Liudmyla", "Людмила"}, {"Halyna", "Галина"}, {"Nadiia", "Надія"},
	{"Valentyna", "Валентина"}, {"Larysa", "Лариса"}, {"Viktoriia", "Вікторія"},
	{"Anastasiia", "Анастасія"}, {"Daryna", "Дарина"}, {"Sofiia", "Софія"},
	{"Khrystyna", "Христина"}, {"Alina", "Аліна"}, {"Yana", "Яна"}, {"Inna", "Інна"},
	{"Zoriana", "Зоряна"}, {"Lesia", "Леся"}, {"Vira", "Віра"}, {"Liubov", "Любов"},
	{"Nina", "Ніна"}, {"Hanna", "Ганна"}, {"Oleksandra", "Олександра"}, {"Polina", "Поліна"},
	{"Veronika", "Вероніка"},
};

static const struct cor_name ukr_family[] = {
	{"Melnyk", "Мельник"}, {"Shevchenko", "Шевченко"}, {"Kovalenko", "Коваленко"},
	{"Bondarenko", "Бондаренко"}, {"Boiko", "Бойко"}, {"Tkachenko", "Ткаченко"},
	{"Kravchenko", "Кравченко"}, {"Kovalchuk", "Ковальчук"}, {"Koval", "Коваль"},
	{"Oliinyk", "Олійник"}, {"Shevchuk", "Шевчук"}, {"Polishchuk", "Поліщук"},
	{"Lysenko", "Лисенко"}, {"Tkachuk", "Ткачук"}, {"Savchenko", "Савченко"},
	{"Rudenko", "Руденко"}, {"Marchenko", "Марченко"}, {"Moroz", "Мороз"},
	{"Petrenko", "Петренко"}, {"Pavlenko", "Павленко"}, {"Kravets", "Кравець"},
	{"Klymenko", "Клименко"}, {"Ponomarenko", "Пономаренко"}, {"Savchuk", "Савчук"},
	{"Vasylenko", "Василенко"}, {"Levchenko", "Левченко"}, {"Kharchenko", "Харченко"},
	{"Karpenko", "Карпенко"}, {"Melnychuk", "Мельничук"}, {"Honcharenko", "Гончаренко"},
	{"Sydorenko", "Сидоренко"}, {"Moskalenko", "Москаленко"}, {"Kuzmenko", "Кузьменко"},
	{"Mazur", "Мазур"}, {"Romanenko", "Романенко"}, {"Ivanenko", "Іваненко"},
	{"Hrytsenko", "Гриценко"}, {"Yakovenko", "Яковенко"}, {"Zinchenko", "Зінченко"},
};

/* YEM */
static const struct cor_name yem_male[] = {
	{"Mohammed", "محمد"}, {"Ahmed", "أحمد"}, {"Ali", "علي"}, {"Abdullah", "عبد الله"},
	{"Saleh", "صالح"}, {"Abdulrahman", "عبد الرحمن"}, {"Hussein", "حسين"}, {"Yahya", "يحيى"},
	{"Abdulkarim", "عبد الكريم"}, {"Abdulaziz", "عبد العزيز"}, {"Nasser", "ناصر"},
	{"Fuad", "فؤاد"}, {"Hamoud", "حمود"}, {"Mansour", "منصور"}, {"Fadl", "فضل"},
	{"Adel", "عادل"}, {"Waleed", "وليد"}, {"Khaled", "خالد"}, {"Hisham", "هشام"},
	{"Ammar", "عمار"}, {"Mohsen", "محسن"}, {"Hadi", "هادي"}, {"Yasser", "ياسر"},
	{"Saeed", "سعيد"}, {"Abdo", "عبده"}, {"Ayman", "أيمن"}, {"Mujahid", "مجاهد"},
	{"Bassam", "بسام"}, {"Nabil", "نبيل"}, {"Taha", "طه"}, {"Omar", "عمر"},
	{"Ibrahim", "إبراهيم"}, {"Ismail", "إسماعيل"},
};

static const struct cor_name yem_female[] = {
	{"Fatima", "فاطمة"}, {"Aisha", "عائشة"}, {"Khadija", "خديجة"}, {"Maryam", "مريم"},
	{"Zainab", "زينب"}, {"Amal", "أمل"}, {"Asmaa", "أسماء"}, {"Huda", "هدى"},
	{"Sumaya", "سمية"}, {"Arwa", "أروى"}, {"Bilqis", "بلقيس"}, {"Nabila", "نبيلة"},
	{"Hanan", "حنان"}, {"Ruqaya", "رقية"}, {"Afrah", "أفراح"}, {"Ibtisam", "ابتسام"},
	{"Samira", "سميرة"}, {"Salwa", "سلوى"}, {"Wafa", "وفاء"}, {"Nada", "ندى"}, {"Hind", "هند"},
	{"Saba", "سبأ"}, {"Shaima", "شيماء"}, {"Eman", "إيمان"}, {"Abeer", "عبير"},
	{"Entisar", "انتصار"}, {"Najla", "نجلاء"}, {"Lubna", "لبنى"}, {"Rahma", "رحمة"},
	{"Haifa", "هيفاء"}, {"Amira", "أميرة"},
};

static const struct cor_name yem_family[] = {
	{"Al-Ahmadi", "الأحمدي"}, {"Al-Hakimi", "الحكيمي"}, {"Al-Absi", "العبسي"},
	{"Al-Sharabi", "الشرعبي"}, {"Al-Maqtari", "المقطري"}, {"Al-Aghbari", "الأغبري"},
	{"Al-Qadhi", "القاضي"}, {"Al-Wazir", "الوزير"}, {"Al-Eryani", "الإرياني"},
	{"Al-Hamdani", "الحمداني"}, {"Al-Hadrami", "الحضرمي"}, {"Bawazir", "باوزير"},
	{"Al-Amoudi", "العمودي"}, {"Al-Kaff", "الكاف"}, {"Al-Saqqaf", "السقاف"},
	{"Al-Attas", "العطاس"}, {"Al-Haddad", "الحداد"}, {"Al-Sanaani", "الصنعاني"},
	{"Al-Taizi", "التعزي"}, {"Al-Adeni", "العدني"}, {"Al-Mutawakel", "المتوكل"},
	{"Al-Dhubhani", "الذبحاني"}, {"Al-Hubaishi", "الحبيشي"}, {"Al-Maweri", "الماوري"},
	{"Al-Kibsi", "الكبسي"}, {"Al-Akwa", "الأكوع"}, {"Al-Junaid", "الجنيد"},
	{"Al-Sabri", "الصبري"}, {"Al-Mekhlafi", "المخلافي"}, {"Al-Ansi", "العنسي"},
	{"Al-Harazi", "الحرازي"}, {"Saleh", "صالح"}, {"Ali", "علي"}, {"Ahmed", "أحمد"},
	{"Mohammed", "محمد"}, {"Nasser", "ناصر"},
};

/* KEN */
static const struct cor_name ken_male[] = {
	{"John", NULL}, {"Peter", NULL}, {"Joseph", NULL}, {"James", NULL}, {"David", NULL},
	{"Daniel", NULL}, {"Samuel", NULL}, {"Stephen", NULL}, {"Paul", NULL}, {"Kevin", NULL},
	{"Brian", NULL}, {"Dennis", NULL}, {"Collins", NULL}, {"Evans", NULL}, {"Kennedy", NULL},
	{"Wycliffe", NULL}, {"Kamau", NULL}, {"Kiprono", NULL}, {"Kipchoge", NULL}, {"Otieno", NULL},
	{"Omondi", NULL}, {"Mutua", NULL}, {"Hassan", NULL}, {"Abdi", NULL}, {"Francis", NULL},
	{"George", NULL}, {"Charles", NULL}, {"Patrick", NULL},
};
static const struct cor_name ken_female[] = {
	{"Mary", NULL}, {"Grace", NULL}, {"Faith", NULL}, {"Mercy", NULL}, {"Esther", NULL},
	{"Jane", NULL}, {"Ann", NULL}, {"Lucy", NULL}, {"Nancy", NULL}, {"Caroline", NULL},
	{"Purity", NULL}, {"Joyce", NULL}, {"Beatrice", NULL}, {"Rose", NULL}, {"Emily", NULL},
	{"Wanjiku", NULL}, {"Njeri", NULL}, {"Akinyi", NULL}, {"Atieno", NULL}, {"Chebet", NULL},
	{"Jepkosgei", NULL}, {"Mwende", NULL}, {"Halima", NULL}, {"Fatuma", NULL}, {"Margaret", NULL},
	{"Elizabeth", NULL},
};
static const struct cor_name ken_family[] = {
	{"Kamau", NULL}, {"Mwangi", NULL}, {"Njoroge", NULL}, {"Kariuki", NULL}, {"Wanjiru", NULL},
	{"Ochieng", NULL}, {"Otieno", NULL}, {"Odhiambo", NULL}, {"Onyango", NULL}, {"Owino", NULL},
	{"Kiprotich", NULL}, {"Kipkemboi", NULL}, {"Cheruiyot", NULL}, {"Rotich", NULL}, {"Kibet", NULL},
	{"Mutua", NULL}, {"Musyoka", NULL}, {"Kioko", NULL}, {"Wafula", NULL}, {"Wekesa", NULL},
	{"Barasa", NULL}, {"Nyamweya", NULL}, {"Ongeri", NULL}, {"Mohamed", NULL}, {"Hussein", NULL},
	{"Kimani", NULL}, {"Githinji", NULL}, {"Maina", NULL},
};

/* UGA */
static const struct cor_name uga_male[] = {
	{"John", NULL}, {"Joseph", NULL}, {"Moses", NULL}, {"Robert", NULL}, {"Richard", NULL},
	{"Patrick", NULL}, {"Ronald", NULL}, {"Isaac", NULL}, {"Emmanuel", NULL}, {"Denis", NULL},
	{"Godfrey", NULL}, {"Geoffrey", NULL}, {"Julius", NULL}, {"Samuel", NULL}, {"Henry", NULL},
	{"Charles", NULL}, {"Brian", NULL}, {"Ivan", NULL}, {"Joel", NULL}, {"Peter", NULL},
	{"Sulaiman", NULL}, {"Hamza", NULL}, {"Andrew", NULL}, {"Simon", NULL}, {"Francis", NULL},
};
static const struct cor_name uga_female[] = {
	{"Grace", NULL}, {"Sarah", NULL}, {"Esther", NULL}, {"Florence", NULL}, {"Harriet", NULL},
	{"Prossy", NULL}, {"Ruth", NULL}, {"Agnes", NULL}, {"Betty", NULL}, {"Doreen", NULL},
	{"Brenda", NULL}, {"Gloria", NULL}, {"Juliet", NULL}, {"Annet", NULL}, {"Immaculate", NULL},
	{"Rose", NULL}, {"Sylvia", NULL}, {"Scovia", NULL}, {"Aisha", NULL}, {"Mariam", NULL},
	{"Joan", NULL}, {"Winnie", NULL}, {"Christine", NULL}, {"Margaret", NULL},
};
static const struct cor_name uga_family[] = {
	{"Mukasa", NULL}, {"Ssemakula", NULL}, {"Kato", NULL}, {"Nsubuga", NULL}, {"Ssempijja", NULL},
	{"Lubega", NULL}, {"Kizza", NULL}, {"Wasswa", NULL}, {"Okello", NULL}, {"Opio", NULL},
	{"Ocen", NULL}, {"Odongo", NULL}, {"Akena", NULL}, {"Namukasa", NULL}, {"Nakato", NULL},
	{"Nabirye", NULL}, {"Tumusiime", NULL}, {"Byaruhanga", NULL}, {"Mugisha", NULL},
	{"Asiimwe", NULL}, {"Twinomujuni", NULL}, {"Kyeyune", NULL}, {"Wandera", NULL},
	{"Mutebi", NULL}, {"Ssali", NULL},
};

/* Generic fallback: an international mix, Latin script only. */
static const struct cor_name generic_male[] = {
	{"Adam", NULL}, {"Ali", NULL}, {"Daniel", NULL}, {"David", NULL}, {"Omar", NULL},
	{"Samuel", NULL}, {"Joseph", NULL}, {"Michael", NULL}, {"Ahmed", NULL}, {"Ibrahim", NULL},
	{"John", NULL}, {"Peter", NULL}, {"Mohammed", NULL}, {"Hassan", NULL}, {"Jean", NULL},
	{"Paul", NULL}, {"Emmanuel", NULL}, {"Yusuf", NULL}, {"Amir", NULL}, {"Karim", NULL},
	{"Moses", NULL}, {"Isaac", NULL}, {"Elias", NULL}, {"Thomas", NULL}, {"Martin", NULL},
	{"Carlos", NULL}, {"José", NULL}, {"Luis", NULL}, {"Alexander", NULL}, {"Ivan", NULL},
	{"Mateo", NULL}, {"Noah", NULL},
};

static const struct cor_name generic_female[] = {
	{"Maria", NULL}, {"Fatima", NULL}, {"Amina", NULL}, {"Sarah", NULL}, {"Anna", NULL},
	{"Mary", NULL}, {"Aisha", NULL}, {"Grace", NULL}, {"Elena", NULL}, {"Sofia", NULL},
	{"Leila", NULL}, {"Miriam", NULL}, {"Hana", NULL}, {"Rose", NULL}, {"Esther", NULL},
	{"Ruth", NULL}, {"Nadia", NULL}, {"Zainab", NULL}, {"Lucia", NULL}, {"Ana", NULL},
	{"Rebecca", NULL}, {"Khadija", NULL}, {"Yasmin", NULL}, {"Elizabeth", NULL},
	{"Alice", NULL}, {"Julia", NULL}, {"Laura", NULL}, {"Mariam", NULL}, {"Joyce", NULL},
	{"Patience", NULL}, {"Amal", NULL}, {"Nour", NULL},
};

static const struct cor_name generic_family[] = {
	{"Ali", NULL}, {"Ahmed", NULL}, {"Hassan", NULL}, {"Mohammed", NULL}, {"Ibrahim", NULL},
	{"Hussein", NULL}, {"Omar", NULL}, {"Ismail", NULL}, {"Yusuf", NULL}, {"Abdi", NULL},
	{"Khan", NULL}, {"Garcia", NULL}, {"Lopez", NULL}, {"Martin", NULL}, {"Silva", NULL},
	{"Santos", NULL}, {"Smith", NULL}, {"Johnson", NULL}, {"Williams", NULL}, {"Brown", NULL},
	{"Joseph", NULL}, {"David", NULL}, {"Daniel", NULL}, {"Samuel", NULL}, {"Moses", NULL},
	{"Peter", NULL}, {"Abraham", NULL}, {"Emmanuel", NULL}, {"Diallo", NULL}, {"Traoré", NULL},
	{"Mensah", NULL}, {"Kamara", NULL}, {"Nguyen", NULL}, {"Kim", NULL}, {"Ivanov", NULL},
	{"Petrov", NULL}, {"Rossi", NULL}, {"Müller", NULL},
};

/* Sorted by nationality code: cor_names_for() searches it with bsearch(). */
const struct cor_name_set cor_name_sets[] = {
	NAME_SET("AFG", "prs;ps", afg),
	NAME_SET("BDI", "rn;fr;sw", bdi),
	NAME_SET("BFA", "mos;fr", bfa),
	NAME_SET("BGD", "bn", bgd),
	NAME_SET("CIV", "fr;dyu", civ),
	NAME_SET("CMR", "fr;en", cmr),
	NAME_SET("COD", "fr;ln;sw", cod),
	NAME_SET("EGY", "ar;arz", egy),
	NAME_SET("ERI", "ti;ar", eri),
	NAME_SET("ETH", "am;om;ti", eth),
	NAME_SET("GHA", "tw;ee;en", gha),
	NAME_SET("GIN", "ff;sus;fr", gin),
	NAME_SET("GMB", "mnk;wo;en", gmb),
	NAME_SET("IRN", "fa", irn),
	NAME_SET("IRQ", "ar;ku", irq),
	NAME_SET("KEN", "sw;en", ken),
	NAME_SET("LBY", "ar", lby),
	NAME_SET("MAR", "ar;ary;fr", mar),
	NAME_SET("MLI", "bm;fr", mli),
	NAME_SET("NER", "ha;dje;fr", ner),
	NAME_SET("NGA", "ha;yo;ig;en", nga),
	NAME_SET("PAK", "ur;pa;ps", pak),
	NAME_SET("SDN", "ar;en", sdn),
	NAME_SET("SEN", "wo;fr", sen),
	NAME_SET("SOM", "so;ar", som),
	NAME_SET("SSD", "din;nus;en;ar", ssd),
	NAME_SET("SYR", "ar;ku", syr),
	NAME_SET("TCD", "ar;fr", tcd),
	NAME_SET("UGA", "lg;en;sw", uga),
	NAME_SET("UKR", "uk;ru", ukr),
	NAME_SET("YEM", "ar", yem),
};
const size_t cor_name_sets_len = COUNT(cor_name_sets);
// clang-format on

/* "XXX" is ICAO's code for an unspecified nationality. */
static const struct cor_name_set generic_set = NAME_SET("XXX", "en;fr;ar", generic);

static int set_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cor_name_set *)elem)->nationality);
}

const struct cor_name_set *cor_names_for(const char *iso3)
{
	const struct cor_name_set *s = NULL;
	if (iso3 && *iso3)
		s = bsearch(iso3, cor_name_sets, cor_name_sets_len, sizeof(cor_name_sets[0]),
			    set_cmp);
	return s ? s : &generic_set;
}
