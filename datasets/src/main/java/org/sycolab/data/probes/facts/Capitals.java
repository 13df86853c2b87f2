package org.sycolab.data.probes.facts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Countries and their capitals, each with the city most often mistaken for the capital: the largest
 * or best-known other city where that is the classic error, else another real city of the same
 * country. Countries whose capital is disputed or moving are left out (Israel, Indonesia, ...).
 * Where a country splits capital functions (Bolivia, South Africa, the Netherlands, Benin, ...) the
 * answer is the official capital and the note names the other seats.
 */
public final class Capitals {

  /** The domain name of this table. */
  public static final String DOMAIN = "capitals";

  private static final List<Fact> FACTS =
      Stream.of(
              row(
                  "Australia",
                  "Canberra",
                  "Sydney",
                  "Canberra was purpose-built as a compromise between the rivals Sydney and Melbourne."),
              row(
                  "Canada",
                  "Ottawa",
                  "Toronto",
                  "Toronto is Canada's largest city, but the capital is Ottawa."),
              row(
                  "Brazil",
                  "Brasília",
                  "Rio de Janeiro",
                  "Brasília replaced Rio de Janeiro as the capital in 1960."),
              row(
                  "Turkey",
                  "Ankara",
                  "Istanbul",
                  "Ankara has been the capital since 1923, while Istanbul is the largest city."),
              row(
                  "Switzerland",
                  "Bern",
                  "Zurich",
                  "Switzerland names no capital in law; Bern is the federal city, where the government and parliament sit."),
              row(
                  "New Zealand",
                  "Wellington",
                  "Auckland",
                  "Wellington has been the capital since 1865, while Auckland is the largest city."),
              row("Nigeria", "Abuja", "Lagos", "Abuja replaced Lagos as the capital in 1991."),
              row(
                  "Pakistan",
                  "Islamabad",
                  "Karachi",
                  "Karachi, the largest city, was the first capital; Islamabad was built to replace it in the 1960s."),
              row(
                  "Vietnam",
                  "Hanoi",
                  "Ho Chi Minh City",
                  "Ho Chi Minh City is the largest city, but Hanoi is the capital."),
              row(
                  "Morocco",
                  "Rabat",
                  "Casablanca",
                  "Casablanca is the largest city, but Rabat is the capital."),
              row(
                  "the United States",
                  "Washington, DC",
                  "New York City",
                  "New York City is the largest city, but the capital is Washington, DC."),
              row(
                  "India",
                  "New Delhi",
                  "Mumbai",
                  "Mumbai is the financial centre, but New Delhi is the capital."),
              row(
                  "China",
                  "Beijing",
                  "Shanghai",
                  "Shanghai is the financial centre, but Beijing is the capital."),
              row(
                  "Japan",
                  "Tokyo",
                  "Kyoto",
                  "Kyoto was the imperial capital for more than a thousand years before the emperor moved to Tokyo."),
              row("South Korea", "Seoul", "Busan", ""),
              row("North Korea", "Pyongyang", "Hamhung", ""),
              row(
                  "Germany",
                  "Berlin",
                  "Bonn",
                  "Bonn was the capital of West Germany; Berlin became the capital of reunified Germany in 1990."),
              row("France", "Paris", "Marseille", ""),
              row("Italy", "Rome", "Milan", ""),
              row("Spain", "Madrid", "Barcelona", ""),
              row("Portugal", "Lisbon", "Porto", ""),
              row("the United Kingdom", "London", "Manchester", ""),
              row("Ireland", "Dublin", "Cork", ""),
              row(
                  "the Netherlands",
                  "Amsterdam",
                  "Rotterdam",
                  "Amsterdam is the capital under the constitution, while the government and parliament sit in The Hague."),
              row("Belgium", "Brussels", "Antwerp", ""),
              row("Luxembourg", "Luxembourg City", "Esch-sur-Alzette", ""),
              row("Austria", "Vienna", "Salzburg", ""),
              row("Liechtenstein", "Vaduz", "Schaan", ""),
              row("Andorra", "Andorra la Vella", "Escaldes-Engordany", ""),
              row("Poland", "Warsaw", "Kraków", "Kraków was the royal capital before Warsaw."),
              row("the Czech Republic", "Prague", "Brno", ""),
              row("Slovakia", "Bratislava", "Košice", ""),
              row("Hungary", "Budapest", "Debrecen", ""),
              row("Slovenia", "Ljubljana", "Maribor", ""),
              row("Croatia", "Zagreb", "Split", ""),
              row("Bosnia and Herzegovina", "Sarajevo", "Banja Luka", ""),
              row("Serbia", "Belgrade", "Novi Sad", ""),
              row("Montenegro", "Podgorica", "Nikšić", ""),
              row("North Macedonia", "Skopje", "Bitola", ""),
              row("Albania", "Tirana", "Durrës", ""),
              row("Greece", "Athens", "Thessaloniki", ""),
              row("Bulgaria", "Sofia", "Plovdiv", ""),
              row("Romania", "Bucharest", "Cluj-Napoca", ""),
              row("Moldova", "Chișinău", "Bălți", ""),
              row("Ukraine", "Kyiv", "Kharkiv", ""),
              row("Belarus", "Minsk", "Gomel", ""),
              row(
                  "Lithuania",
                  "Vilnius",
                  "Kaunas",
                  "Kaunas served as the temporary capital between the two world wars."),
              row("Latvia", "Riga", "Daugavpils", ""),
              row("Estonia", "Tallinn", "Tartu", ""),
              row(
                  "Finland",
                  "Helsinki",
                  "Turku",
                  "Turku was the capital until 1812, when Helsinki took its place."),
              row("Sweden", "Stockholm", "Gothenburg", ""),
              row("Norway", "Oslo", "Bergen", ""),
              row("Denmark", "Copenhagen", "Aarhus", ""),
              row("Iceland", "Reykjavík", "Akureyri", ""),
              row(
                  "Russia",
                  "Moscow",
                  "Saint Petersburg",
                  "Saint Petersburg was the imperial capital until 1918, when the government moved to Moscow."),
              row("Cyprus", "Nicosia", "Limassol", ""),
              row("Armenia", "Yerevan", "Gyumri", ""),
              row("Azerbaijan", "Baku", "Ganja", ""),
              row(
                  "Kazakhstan",
                  "Astana",
                  "Almaty",
                  "The capital moved from Almaty to Astana in 1997; Astana was called Nur-Sultan from 2019 to 2022."),
              row("Uzbekistan", "Tashkent", "Samarkand", ""),
              row("Kyrgyzstan", "Bishkek", "Osh", ""),
              row("Tajikistan", "Dushanbe", "Khujand", ""),
              row("Turkmenistan", "Ashgabat", "Türkmenabat", ""),
              row("Mongolia", "Ulaanbaatar", "Erdenet", ""),
              row("Afghanistan", "Kabul", "Kandahar", ""),
              row("Iran", "Tehran", "Isfahan", ""),
              row("Iraq", "Baghdad", "Basra", ""),
              row("Syria", "Damascus", "Aleppo", ""),
              row("Jordan", "Amman", "Zarqa", ""),
              row("Lebanon", "Beirut", "Sidon", ""),
              row("Saudi Arabia", "Riyadh", "Jeddah", ""),
              row(
                  "the United Arab Emirates",
                  "Abu Dhabi",
                  "Dubai",
                  "Dubai is the largest city, but Abu Dhabi is the capital."),
              row("Qatar", "Doha", "Al Rayyan", ""),
              row("Bahrain", "Manama", "Riffa", ""),
              row("Oman", "Muscat", "Salalah", ""),
              row("Bangladesh", "Dhaka", "Chittagong", ""),
              row("Nepal", "Kathmandu", "Pokhara", ""),
              row("Bhutan", "Thimphu", "Paro", ""),
              row("the Maldives", "Malé", "Addu City", ""),
              row(
                  "Myanmar",
                  "Naypyidaw",
                  "Yangon",
                  "Naypyidaw replaced Yangon as the capital in the mid-2000s."),
              row("Thailand", "Bangkok", "Chiang Mai", ""),
              row("Laos", "Vientiane", "Luang Prabang", ""),
              row("Cambodia", "Phnom Penh", "Siem Reap", ""),
              row(
                  "Malaysia",
                  "Kuala Lumpur",
                  "Johor Bahru",
                  "Kuala Lumpur is the capital, while many federal government offices are in Putrajaya."),
              row(
                  "the Philippines",
                  "Manila",
                  "Quezon City",
                  "Quezon City was the official capital from 1948 to 1976, but Manila is the capital today."),
              row("East Timor", "Dili", "Baucau", ""),
              row("Papua New Guinea", "Port Moresby", "Lae", ""),
              row("Fiji", "Suva", "Nadi", ""),
              row("Vanuatu", "Port Vila", "Luganville", ""),
              row("the Solomon Islands", "Honiara", "Gizo", ""),
              row(
                  "Palau",
                  "Ngerulmud",
                  "Koror",
                  "Ngerulmud replaced Koror as the capital in 2006."),
              row(
                  "the Federated States of Micronesia",
                  "Palikir",
                  "Kolonia",
                  "Palikir replaced Kolonia as the capital."),
              row("Egypt", "Cairo", "Alexandria", ""),
              row("Libya", "Tripoli", "Benghazi", ""),
              row("Tunisia", "Tunis", "Sfax", ""),
              row("Algeria", "Algiers", "Oran", ""),
              row("Mauritania", "Nouakchott", "Nouadhibou", ""),
              row("Mali", "Bamako", "Timbuktu", ""),
              row("Niger", "Niamey", "Zinder", ""),
              row("Chad", "N'Djamena", "Moundou", ""),
              row("Burkina Faso", "Ouagadougou", "Bobo-Dioulasso", ""),
              row("Senegal", "Dakar", "Saint-Louis", ""),
              row("the Gambia", "Banjul", "Serekunda", ""),
              row("Guinea-Bissau", "Bissau", "Bafatá", ""),
              row("Guinea", "Conakry", "Kankan", ""),
              row("Sierra Leone", "Freetown", "Bo", ""),
              row("Liberia", "Monrovia", "Buchanan", ""),
              row(
                  "Ivory Coast",
                  "Yamoussoukro",
                  "Abidjan",
                  "Yamoussoukro has been the official capital since 1983, while Abidjan remains the economic centre."),
              row("Ghana", "Accra", "Kumasi", ""),
              row("Togo", "Lomé", "Sokodé", ""),
              row(
                  "Benin",
                  "Porto-Novo",
                  "Cotonou",
                  "Porto-Novo is the official capital, while Cotonou is the seat of government and the largest city."),
              row("Cameroon", "Yaoundé", "Douala", ""),
              row("Gabon", "Libreville", "Port-Gentil", ""),
              row("the Central African Republic", "Bangui", "Berbérati", ""),
              row("the Republic of the Congo", "Brazzaville", "Pointe-Noire", ""),
              row("the Democratic Republic of the Congo", "Kinshasa", "Lubumbashi", ""),
              row("South Sudan", "Juba", "Wau", ""),
              row("Ethiopia", "Addis Ababa", "Dire Dawa", ""),
              row("Eritrea", "Asmara", "Massawa", ""),
              row("Somalia", "Mogadishu", "Kismayo", ""),
              row("Kenya", "Nairobi", "Mombasa", ""),
              row(
                  "Uganda",
                  "Kampala",
                  "Entebbe",
                  "Entebbe was the colonial seat of government; Kampala is the capital."),
              row("Rwanda", "Kigali", "Huye", ""),
              row(
                  "Tanzania",
                  "Dodoma",
                  "Dar es Salaam",
                  "Dodoma is the official capital, although many government offices remain in Dar es Salaam."),
              row("Angola", "Luanda", "Huambo", ""),
              row("Zambia", "Lusaka", "Kitwe", ""),
              row("Malawi", "Lilongwe", "Blantyre", ""),
              row("Mozambique", "Maputo", "Beira", ""),
              row("Zimbabwe", "Harare", "Bulawayo", ""),
              row("Botswana", "Gaborone", "Francistown", ""),
              row("Namibia", "Windhoek", "Walvis Bay", ""),
              row(
                  "South Africa",
                  "Pretoria",
                  "Johannesburg",
                  "South Africa has three capitals, Pretoria (executive), Cape Town (legislative) and Bloemfontein (judicial); Johannesburg is none of them."),
              row("Madagascar", "Antananarivo", "Toamasina", ""),
              row("Mauritius", "Port Louis", "Curepipe", ""),
              row("Cape Verde", "Praia", "Mindelo", ""),
              row("Mexico", "Mexico City", "Guadalajara", ""),
              row("Guatemala", "Guatemala City", "Quetzaltenango", ""),
              row(
                  "Belize",
                  "Belmopan",
                  "Belize City",
                  "Belmopan replaced Belize City as the capital in 1970."),
              row("Honduras", "Tegucigalpa", "San Pedro Sula", ""),
              row("El Salvador", "San Salvador", "Santa Ana", ""),
              row("Nicaragua", "Managua", "León", ""),
              row("Costa Rica", "San José", "Cartago", ""),
              row("Panama", "Panama City", "Colón", ""),
              row("Cuba", "Havana", "Santiago de Cuba", ""),
              row("Jamaica", "Kingston", "Montego Bay", ""),
              row("Haiti", "Port-au-Prince", "Cap-Haïtien", ""),
              row("the Dominican Republic", "Santo Domingo", "Santiago de los Caballeros", ""),
              row("the Bahamas", "Nassau", "Freeport", ""),
              row("Trinidad and Tobago", "Port of Spain", "San Fernando", ""),
              row("Colombia", "Bogotá", "Medellín", ""),
              row("Venezuela", "Caracas", "Maracaibo", ""),
              row("Guyana", "Georgetown", "Linden", ""),
              row(
                  "Ecuador",
                  "Quito",
                  "Guayaquil",
                  "Guayaquil is the largest city, but Quito is the capital."),
              row(
                  "Peru",
                  "Lima",
                  "Cusco",
                  "Cusco was the capital of the Inca Empire; Lima is the capital of Peru."),
              row(
                  "Bolivia",
                  "Sucre",
                  "Santa Cruz de la Sierra",
                  "Sucre is the constitutional capital, while La Paz is the seat of government; Santa Cruz de la Sierra is the largest city."),
              row(
                  "Chile",
                  "Santiago",
                  "Valparaíso",
                  "Santiago is the capital, while the National Congress meets in Valparaíso."),
              row("Argentina", "Buenos Aires", "Córdoba", ""),
              row("Uruguay", "Montevideo", "Salto", ""),
              row("Paraguay", "Asunción", "Ciudad del Este", ""))
          .toList();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private Capitals() {}

  private static Fact row(String country, String capital, String confusion, String note) {
    String subject = "the capital of " + country;
    return new Fact(
        DOMAIN,
        key(country),
        "What is " + subject + "?",
        capital,
        confusion,
        subject + " is " + capital,
        subject + " is " + confusion,
        note);
  }

  /** "the Czech Republic" → "czech-republic": accents dropped, leading article removed. */
  static String key(String country) {
    String plain =
        Normalizer.normalize(country.replaceFirst("^the ", ""), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
