// The Danish texts (the default). Perspektiv is a normative set (the view a proposal is judged
// from: whose money, which horizon, what counts); replikation a Monte Carlo replicate.
#include "output/texts.hpp"

namespace kommunesim::output {

const Texts kDanishTexts = {
    .net_gain = "nettogevinst",
    .net_cost = "nettoudgift",
    .break_even = "omtrent i balance",
    .too_close_to_call = "for tæt til at afgøre",
    .increase = "stigning",
    .decrease = "fald",
    .no_clear_change = "ingen klar ændring",

    .replicates = "{} replikationer",
    .one_replicate = "1 replikation",
    .replicates_adaptive =
        " (først {}, derefter {} ad gangen, så længe en vurdering eller en "
        "førsteplads var uafklaret, højst {}; {}{})",
    .replicates_fixed = " (et fast antal; {})",
    .stopped_at_cap = "stoppet ved loftet: ",
    .all_resolved = "alt afklaret",
    .unresolved = "{} af {} vurderinger og {} af {} førstepladser uafklaret",

    .drawn_per_replicate =
        "Trukket pr. replikation: {}. Perspektiverne er en særskilt dimension "
        "og blandes aldrig ind i et interval.",
    .drawn_always = "individuel tilfældighed, effektstørrelser inden for deres fordelinger",
    .drawn_unit_costs = ", enhedsomkostninger inden for registerets intervaller ({} tal)",
    .drawn_population = " og en syntetisk befolkning trukket på ny for hvert par af replikationer",
    .population_share =
        " Andel af en nettoværdis varians mellem befolkningstræk: {} over "
        "rækkerne forslag x perspektiv.",
    .unit_cost_share = " Andel tilføjet ved at trække enhedsomkostninger: {}.",
    .share_range = "median {} % ({}-{} %)",

    .tax_without_lag =
        "Den kommunale indkomstskat bogføres i det år, den tjenes (scenariet "
        "angiver ingen forsinkelse i [financing]).",
    .tax_with_lag =
        "Den kommunale indkomstskat (finansiering) når kommunen {0} år efter, at den "
        "er tjent ({1}); skat tjent før kørslen (som ville nå kommunen i de første {0} "
        "år) er udeladt.",

    .prices_as_given = "de angivne priser",
    .price_level = "{}-priser",
    .prices_without_level =
        "Beløbene er i de priser, registret angiver dem i (scenariet angiver "
        "intet prisniveau i [prices]).",
    .prices = "Beløbene er i {}-priser{}. Indeks: {}{}.",
    .prices_all_stated = ": alle enhedsomkostninger er angivet i dem",
    .prices_converted = ": enhedsomkostninger angivet i andre års priser er omregnet ({})",
    .prices_converted_count = "{} i {}-priser",
    .prices_and = " og ",

    .summary_header =
        "{} — {}, {} år fra {}; beløb i mio. kr. i {}, middelværdi [90 %-interval "
        "for middelværdien]\n",
    .summary_legend =
        "Nettoudgift: hvad et forslag lægger til kommunens budget (negativ: en besparelse). "
        "Nettoværdi: hvad\nforslaget er værd under et perspektiv, tilbagediskonteret til {} "
        "(positiv: en gevinst). Vurdering:\nnettogevinst eller nettoudgift, når intervallet ikke "
        "rummer nul; omtrent i balance, når det ligger\ninden for {} mio. kr. fra nul; ellers for "
        "tæt til at afgøre. Placering 1 er det bedste forslag under\nperspektivet; '?' markerer en "
        "placering, hvis afstand til naboen er inden for usikkerheden.\n",
    .millions = "mio.",
    .cost_first_year = "  kommunens nettoudgift, budgetåret (ikke diskonteret): {}\n",
    .cost_budget_period =
        "  kommunens nettoudgift, budgetår og tre overslagsår (ikke diskonteret): {}\n",
    .of_which =
        "    heraf serviceudgifter {}; overførsler {} (budgetgaranti), {} (øvrige); "
        "finansiering {}{}\n",
    .investment = "; anlæg {}",
    .places_used = "  pladser brugt ({}): {}; {} år {} %",
    .places_low = "; LAV: under halvdelen af pladserne brugt i {} af {} år",
    .measure_change = "  {} ({}), ændring over {} år: {}{}\n",
    .column_set = "perspektiv",
    .column_horizon = "horisont",
    .column_net_value = "nettoværdi",
    .column_chance = "P(gevinst)",
    .column_rank = "plac.",
    .column_payback = "hjemtjent",
    .column_verdict = "vurdering",
    .years_short = "år",
    .conclusion_holds = "  konklusionen holder: {} under alle perspektiver\n",
    .conclusion_flips = "  konklusionen vender: {}\n",
    .conclusion_depends = "  konklusionen afhænger af perspektivet: {}\n",
    .verdict_under = "{} under {}",
    .can_affect = "  kan påvirke: {}\n",
    .ranking_legend =
        "Placering under hvert perspektiv (1 = bedst; ? = inden for usikkerheden af "
        "en nabo; vurdering: nettogevinst +, nettoudgift -, for tæt til at afgøre ~, "
        "omtrent i balance 0):",
    .column_proposal = "forslag",
    .calibration_header =
        "\nBasisforløbet mod kalibreringsmålene (gennemsnit af {} "
        "replikationer): {} af {} inden for tolerancen ({} %, medmindre andet er "
        "angivet)\n",
    .column_target = "mål",
    .column_year = "år",
    .column_baseline = "basis",
    .column_off = "afvigelse",
    .column_se = "std.fejl",
    .own_tolerance = " (tolerance {} %)",
    .outside_tolerance = "UDEN FOR TOLERANCEN",
    .coverage =
        "Modulerne dækker {} % af kommunens nettodriftsudgifter i {}: {} af {} mio. kr. "
        "(basisforløbets serviceudgifter og overførsler efter refusion; hele tallet: {}).",

    .planned =
        "{}: {} personer, {} simuleringer ({} arme x {} replikationer x {} dynamikgrupper, "
        "ét basisforløb pr. replikation) over {} måneder på {} tråde\n",
    .more_replicates =
        "replikation {}-{}: efter {} er {} af {} vurderinger og {} af {} "
        "førstepladser stadig uafklaret\n",
    .phase_simulating = "simulerer",
    .phase_tornado = "tornado",
    .phase_switching = "skifteværdier",
    .phase_writing = "skriver",
    .time_left_seconds = "ca. {} s tilbage",
    .time_left_minutes = "ca. {} min {:02} s tilbage",
    .sensitivity =
        "følsomhed: {} yderligere simuleringer ({} hver) til tornadoen og dynamikkens "
        "skifteværdier\n",
    .tornado_scope =
        "tornado: normative parametre, enhedsomkostninger og de dynamiktal, der er "
        "markeret explore; modulernes og forslagenes øvrige {} dynamiktal (rater, "
        "relative risici, andele, effektstørrelser) undersøges med --full-tornado\n",
    .wrote = "\nskrev {}/ ({}) på {} s\n",
    .workbook =
        {
            .yes = "ja",
            .no = "nej",
            .not_within_horizon = "ikke inden for horisonten",
            .none_within_range = "ingen inden for intervallet",
            .summary = "Oversigt",
            .summary_headers = {"Forslag",
                                "Titel",
                                "Perspektiv",
                                "Horisont (år)",
                                "Vurdering",
                                "Nettoværdi, middelværdi (kr., tilbagediskonteret)",
                                "Nettoværdi, middelværdiens standardfejl (kr.)",
                                "Nettoværdi, 90 %-interval for middelværdien, lav (kr.)",
                                "Nettoværdi, 90 %-interval for middelværdien, høj (kr.)",
                                "Nettoværdi, spredning af udfald, p5 (kr.)",
                                "Nettoværdi, spredning af udfald, p95 (kr.)",
                                "Chance for nettogevinst",
                                "Chance for nettogevinst, 90 %-interval, lav",
                                "Chance for nettogevinst, 90 %-interval, høj",
                                "Placering",
                                "Placering afklaret",
                                "Chance for placering 1",
                                "Hjemtjent år",
                                "Gevinst-omkostningsforhold",
                                "Programomkostning, nutidsværdi (kr.)",
                                "Deltagere",
                                "Nettoværdi pr. deltager (kr.)",
                                "Kommunens nettoudgift, budgetåret, middelværdi (kr., ikke "
                                "diskonteret)",
                                "Kommunens nettoudgift, budgetåret, 90 %-interval, lav (kr.)",
                                "Kommunens nettoudgift, budgetåret, 90 %-interval, høj (kr.)",
                                "Kommunens nettoudgift, budgetår og tre overslagsår, "
                                "middelværdi (kr., ikke diskonteret)",
                                "Kommunens nettoudgift, budgetår og tre overslagsår, "
                                "90 %-interval, lav (kr.)",
                                "Kommunens nettoudgift, budgetår og tre overslagsår, "
                                "90 %-interval, høj (kr.)"},
            .budget = "Budget",
            .budget_proposal = "Forslag",
            .budget_type = "Art",
            .thousands_at = "(1.000 kr., {})",
            .budget_types = {"Serviceudgifter (serviceramme)", "Overførsler, budgetgaranti",
                             "Overførsler, øvrige", "Finansiering (skat, udligning)", "Anlæg"},
            .budget_net_cost = "Nettoudgift, kommunen",
            .ledger = "Hvem betaler",
            .ledger_headers = {"Forslag", "Dynamikgruppe", "Perspektiver", "Første år", "År",
                               "Center", "Betaler",
                               "Nettoudgift, middelværdi (kr., ikke "
                               "diskonteret)",
                               "Nettoudgift, 90 %-interval, lav (kr.)",
                               "Nettoudgift, 90 %-interval, høj (kr.)"},
            .payers = {"kommune", "stat", "region", "borger"},
            .flips = "Perspektiver uenige",
            .flips_headers = {"Forslag", "Perspektiv", "Andet perspektiv",
                              "Vurderingen er forskellig (nettogevinst mod nettoudgift)",
                              "Forslaget i front er forskelligt",
                              "Parametre, hvor perspektiverne er forskellige"},
            .switching = "Skifteværdier",
            .switching_headers = {"Forslag", "Perspektiv", "Parameter", "Enhed",
                                  "Perspektivets værdi", "Søgt fra", "Søgt til", "Skifteværdi",
                                  "Note"},
            .tornado = "Tornado",
            .tornado_headers = {"Forslag", "Perspektiv", "Parameter", "Lav", "Høj",
                                "Nettoværdi ved perspektivets værdier (kr.)",
                                "Nettoværdi ved lav (kr.)", "Nettoværdi ved høj (kr.)",
                                "Udsving (kr.)"},
            .assumptions = "Forudsætninger",
            .assumptions_headers = {"Parameter", "Beskrivelse", "Enhed", "Værdi", "Lav", "Høj",
                                    "Kategori", "Evidens", "Ejer", "Kilde"},
            .value_in = "Værdi i {}",
            .calibration = "Kalibrering",
            .calibration_headers = {"Mål", "Titel", "Art", "År",
                                    "Målværdi (personer, hændelser eller kr.)",
                                    "Basisforløb (personer, hændelser eller kr.)",
                                    "Afvigelse (andel)", "Tolerance (andel)",
                                    "Inden for tolerancen", "Kilde"},
            .calibration_kinds = {"befolkning", "personer", "overgange", "udgifter"},
            .provenance = "Kørslen",
            .provenance_headers = {"Punkt", "Værdi"},
            .provenance_items = {"Scenarie", "Scenariemappe", "Basisår", "Replikationer",
                                 "Regel for replikationer", "Kilder til usikkerhed",
                                 "Skattens timing", "Prisniveau", "Væsentlighedsgrænse (kr.)",
                                 "Intervaller", "Diskontering", "Seed", "Motorens version",
                                 "Motorens commit", "Startet (UTC)", "Kommandolinje", "Tråde"},
            .input_sha = "Input {} (SHA-256)",
        },
    .assumptions =
        {
            .title = "# Forudsætninger for {}\n\n",
            .lead = "Scenariemappe `{}`, seed {}, {}, motor {} ({}).\n\nTal over replikationer: "
                    "{}. Nettoværdier er {}. Vurderinger: nettogevinst eller nettoudgift, når "
                    "intervallet for middelværdien ikke rummer nul, omtrent i balance, når det "
                    "ligger inden for {} kr. fra nul (scenariets væsentlighedsgrænse), ellers for "
                    "tæt til at afgøre.\n\n{}\n\n{}\n\n{}\n\n",
            .dated_changes = "## Datoændringer\n\nTal i modulerne, der får en anden værdi fra en "
                             "måned inden for horisonten (en reform); tornadoen flytter et tals "
                             "værdi før dets ændringer.\n\n",
            .normative = "## Normative parametre\n\nFede parametre har forskellige værdier i "
                         "forskellige perspektiver; \"afgør en vending\" markerer dem, hvor to "
                         "perspektiver med forskellige konklusioner er forskellige.\n\n",
            .normative_header = "| parameter | enhed | standard | interval | kategori | evidens | "
                                "kilde |",
            .sets_disagree = " (perspektiverne er uenige)",
            .decides_flip = " (afgør en vending)",
            .range = "{} til {}",
            .triangular = " (trekantfordeling)",
            .lognormal = " (lognormal, 90 %)",
            .figures =
                "\n## Modulernes og forslagenes tal\n\nEnhedsomkostninger, rater, relative "
                "risici, indgangsandele og effektstørrelser, hver læst der, hvor modulerne "
                "og forslagene nævner dem. Perspektiverne kan ikke ændre dem: alle "
                "perspektiver bruger den viste værdi. Tornadoen undersøger deres intervaller "
                "(dynamiktal kun i en kørsel med `--full-tornado`).\n\n",
            .figures_header =
                "| parameter | enhed | værdi | interval | kategori | evidens | ejer | "
                "største udsving i tornadoen (kr.) | kilde |",
            .sets = "\n## Perspektiver\n\n",
            .sets_header = "| perspektiv | titel | hvis penge | horisont | diskontering | "
                           "dynamikgruppe |",
            .owning_department = "det forslagsstillende centers kommunale budget",
            .years = "{} år",
            .discount_from = "{} % fra år {}",
            .flips = "\n## Hvor konklusionerne vender\n\n",
            .no_flips = "Intet forslag er en afklaret nettogevinst under ét perspektiv og en "
                        "afklaret nettoudgift under et andet, og ingen to perspektiver har "
                        "forskellige afklarede forslag i front.\n",
            .flip = "- **{}**: {} mellem `{}` og `{}`; perspektiverne er forskellige i {}.\n",
            .sign_differs = "nettogevinst mod nettoudgift",
            .top_differs = "forslaget i front er forskelligt",
            .inputs = "\n## Input\n\n| fil | SHA-256 |\n|---|---|\n",
        },
    .compare =
        {
            .title = "kommunesim: to kørsler sammenlignet",
            .header = "Sammenligning: A = {} ({}; {} replikationer, seed {}, {}), B = {} ({}; {} "
                      "replikationer, seed {}, {})\n",
            .inputs_changed = "\nÆndrede forudsætninger (registret og perspektivernes værdier):\n",
            .no_input_changes = "\nIngen ændrede forudsætninger i registret eller "
                                "perspektiverne.\n",
            .absent = "findes ikke",
            .arms_only = "  forslag kun i {}: {}\n",
            .norms_only = "  perspektiver kun i {}: {}\n",
            .results = "\nResultater (nettoværdi, middelværdi i mio. kr.; vurdering og placering, "
                       "A -> B):\n",
            .column_proposal = "forslag",
            .column_set = "perspektiv",
            .column_change = "ændring",
            .column_verdict = "vurdering",
            .column_rank = "plac.",
            .changed_legend = "* vurderingen eller placeringen er ændret",
            .no_row = "-",
        },
    .interval_note =
        "middelværdi [90 %-interval for middelværdien]: intervallet rummer den sande "
        "middelværdi i 90 % af kørslerne og bliver smallere med flere replikationer; "
        "spredningen af enkelte udfald er bredere (spread_p5/p95)",
    .discounting_note =
        "tilbagediskonteret til det første budgetår, som ikke diskonteres; hvert senere "
        "års strømme diskonteres samlet med hele år (år t med (1 + r)^-t)",
};

}  // namespace kommunesim::output
