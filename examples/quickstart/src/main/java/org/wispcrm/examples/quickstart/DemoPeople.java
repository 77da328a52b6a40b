package org.wispcrm.examples.quickstart;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.notification.ChannelName;

/**
 * Made-up customers of a wireless ISP in the Colombian plains: Spanish names, Colombian mobile numbers and street
 * addresses. A seeded {@code java.util.random} generator makes the same people in the same order on every run.
 */
final class DemoPeople {
    /** The seed of every demo: change it and the customers change. */
    static final long SEED = 20_261_101L;

    private static final String[] WOMEN = {
        "María",
        "Luz",
        "Ana",
        "Diana",
        "Sandra",
        "Claudia",
        "Paola",
        "Carolina",
        "Natalia",
        "Andrea",
        "Marcela",
        "Juliana",
        "Valentina",
        "Daniela",
        "Laura",
        "Camila",
        "Adriana",
        "Yolanda",
        "Gloria",
        "Martha",
        "Esperanza",
        "Leidy",
        "Yesenia",
        "Lina",
        "Ángela",
        "Mónica",
        "Liliana",
        "Patricia",
        "Viviana",
        "Sofía",
        "Isabel",
        "Rocío"
    };
    private static final String[] WOMEN_SECOND = {
        "Fernanda", "Alejandra", "Cristina", "del Pilar", "Eugenia", "José", "Milena", "Johana", "Marcela", "Inés"
    };
    private static final String[] MEN = {
        "Juan",
        "Carlos",
        "Luis",
        "Jorge",
        "Andrés",
        "José",
        "Diego",
        "Javier",
        "Óscar",
        "Fernando",
        "Alejandro",
        "Camilo",
        "Santiago",
        "Sebastián",
        "Julián",
        "Mauricio",
        "Fabián",
        "Hernán",
        "Wilson",
        "Édgar",
        "Germán",
        "Nelson",
        "Héctor",
        "Rubén",
        "Iván",
        "Jhon",
        "Esteban",
        "Felipe",
        "Ricardo",
        "Álvaro",
        "Efraín",
        "Ramiro"
    };
    private static final String[] MEN_SECOND = {
        "David", "Felipe", "Alberto", "Antonio", "Camilo", "Eduardo", "Esteban", "Manuel", "Andrés", "Ignacio"
    };
    private static final String[] SURNAMES = {
        "Rodríguez",
        "Gómez",
        "González",
        "Martínez",
        "García",
        "López",
        "Hernández",
        "Sánchez",
        "Ramírez",
        "Pérez",
        "Díaz",
        "Muñoz",
        "Rojas",
        "Moreno",
        "Jiménez",
        "Vargas",
        "Castro",
        "Gutiérrez",
        "Ortiz",
        "Álvarez",
        "Suárez",
        "Torres",
        "Romero",
        "Ruiz",
        "Rincón",
        "Parra",
        "Quintero",
        "Restrepo",
        "Patiño",
        "Cárdenas",
        "Londoño",
        "Castañeda",
        "Ospina",
        "Bermúdez",
        "Peña",
        "Beltrán",
        "Acosta",
        "Cifuentes",
        "Baquero",
        "Mejía",
        "Niño",
        "Zapata",
        "Guzmán",
        "Cortés",
        "Salazar",
        "Arango",
        "Villamil",
        "Roa",
        "Pardo",
        "Ibáñez"
    };
    private static final String[] BUSINESS_KINDS = {
        "Ferretería",
        "Droguería",
        "Panadería",
        "Papelería",
        "Miscelánea",
        "Restaurante",
        "Hotel",
        "Veterinaria",
        "Taller",
        "Distribuidora",
        "Agropecuaria",
        "Consultorio Odontológico",
        "Café Internet",
        "Estación de Servicio"
    };
    private static final String[] BUSINESS_NAMES = {
        "El Llanero", "La Macarena", "San Martín", "El Progreso", "La Esperanza", "Los Centauros", "El Manantial",
        "La Sabana", "Guatiquía", "El Morichal", "La Palmera", "Buenavista", "El Porvenir", "Santa Helena",
        "Los Ocobos", "La Ceiba"
    };
    private static final String[] CITIES = {
        "Villavicencio", "Villavicencio", "Villavicencio", "Villavicencio", "Acacías", "Acacías", "Granada",
        "Puerto López", "Restrepo", "Cumaral", "San Martín", "Puerto Gaitán", "Guamal", "Castilla la Nueva"
    };
    private static final String[] NEIGHBOURHOODS = {
        "Barzal", "Buenos Aires", "El Trapiche", "La Esperanza", "Porfía", "El Caudal", "Centro", "San Benito",
        "La Grama", "Villa Julia", "Los Centauros", "El Jordán", "Montecarlo", "La Rosita", "Covisán",
                "Vereda La Cumbre"
    };
    private static final String[] STREETS = {"Calle", "Carrera", "Calle", "Carrera", "Diagonal", "Transversal"};
    private static final String[] MOBILE_PREFIXES = {
        "300", "301", "302", "304", "305", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319", "320",
        "321", "322", "323", "350", "351"
    };
    private static final String[] MAIL_DOMAINS = {"example.com", "example.net", "example.org", "correo.example.com"};

    private final RandomGenerator random;

    private DemoPeople(long seed) {
        // L64X128MixRandom: a named algorithm, so the sequence does not change with the JDK's default.
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** The demo's people, always the same for the same seed. */
    static DemoPeople seeded(long seed) {
        return new DemoPeople(seed);
    }

    /** The next made-up customer; {@code business} ones are shops and offices with a NIT. */
    Person next(boolean business) {
        String first = random.nextBoolean() ? pick(WOMEN) : pick(MEN);
        boolean woman = contains(WOMEN, first);
        String given = random.nextInt(100) < 45 ? first + " " + pick(woman ? WOMEN_SECOND : MEN_SECOND) : first;
        String surname1 = pick(SURNAMES);
        String surname2 = pick(SURNAMES);
        String personName = given + " " + surname1 + " " + surname2;
        String name;
        String nationalId;
        if (business) {
            name = pick(BUSINESS_KINDS) + " " + pick(BUSINESS_NAMES) + (random.nextBoolean() ? " S.A.S." : "");
            int nit = 900_000_000 + random.nextInt(99_999_999);
            nationalId = nit + "-" + checkDigit(nit);
        } else {
            name = personName;
            // Cédulas de ciudadanía: 8 digits for older citizens, 10 for those registered since 2004.
            nationalId = random.nextInt(100) < 60
                    ? String.valueOf(10_000_000 + random.nextInt(89_999_999))
                    : String.valueOf(1_000_000_000L + random.nextLong(130_000_000L));
        }
        String phone = pick(MOBILE_PREFIXES) + " " + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
        String city = pick(CITIES);
        Address address = address(city);

        int channelRoll = random.nextInt(100);
        @Nullable String email = channelRoll < 20 ? null : emailOf(business ? name : personName);
        List<ChannelName> channels = new ArrayList<>();
        if (channelRoll < 20) {
            channels.add(ChannelName.WHATSAPP); // a phone and no email
        } else if (channelRoll < 80) {
            channels.add(ChannelName.WHATSAPP);
            channels.add(ChannelName.EMAIL);
        } else if (channelRoll < 99) {
            channels.add(ChannelName.EMAIL);
            channels.add(ChannelName.WHATSAPP);
        } else {
            // Asked for email only, and the clerk never wrote the address down: nobody can reach them.
            channels.add(ChannelName.EMAIL);
            email = null;
        }
        return new Person(name, nationalId, phone, email, address, channels);
    }

    /** A number from 0 (inclusive) to {@code bound} (exclusive), from the same seeded sequence. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    Address address(String city) {
        String street = pick(STREETS) + " " + (1 + random.nextInt(60)) + (random.nextInt(4) == 0 ? "A" : "") + " # "
                + (1 + random.nextInt(90)) + "-" + (2 + random.nextInt(80));
        String line2 = "Barrio " + pick(NEIGHBOURHOODS);
        return new Address(street, line2, city, "Meta", null, "CO");
    }

    private String emailOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z ]", "")
                .strip();
        String[] words = plain.split("\\s+");
        String local = words[0] + "." + words[words.length > 2 ? words.length - 2 : words.length - 1];
        if (random.nextBoolean()) {
            local = local + (random.nextInt(90) + 10);
        }
        return local + "@" + pick(MAIL_DOMAINS);
    }

    /** The DIAN check digit of a NIT. */
    static int checkDigit(long nit) {
        int[] weights = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
        String digits = Long.toString(nit);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest > 1 ? 11 - rest : rest;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One made-up customer.
     *
     * @param name full name, or a business name
     * @param nationalId cédula or NIT
     * @param phone a Colombian mobile number as a clerk types it ({@code 310 555 1234})
     * @param email an address at a reserved example domain, or null
     * @param address billing and service address
     * @param channels notification preferences, most preferred first
     */
    record Person(
            String name,
            String nationalId,
            String phone,
            @Nullable String email,
            Address address,
            List<ChannelName> channels) {}
}
