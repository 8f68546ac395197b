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
    .disclosure_rule =
        "Bygget på kommunens egne data: antal under {} personer, familier eller hændelser er "
        "skjult i alle resultater (diskretionering), og det samme er tal, de kan udledes af. "
        "results.sqlite har ingen tal pr. replikation eller efter alder.",
    .disclosure_source = " Reglen kommer fra: {}.",
    .disclosure_counts =
        " Skjult i denne kørsel: {} celler under {} og {} celler, de kunne udledes af.",
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
    .measure_change = "  {} ({}), ændring over {} år: {}\n",
    .no_clear_measures = "  ingen klar ændring over {} år: {}\n",
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
    .clear_in_centres =
        "  ændrer klart og væsentligt kommunens nettoudgift i budgetperioden (mio. kr.): {}\n",
    .no_centre_change =
        "  ændrer ikke klart og væsentligt noget centers nettoudgift i budgetperioden\n",
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
    .known_to_no_centre = "Ikke kendt af noget center",

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
    .batch_scenario = "\n== Scenarie {} af {}: {} ==\n",
    .wrote_part =
        "\nskrev {}/ (del {} af {}: {} af hovedkørslens simuleringer for {} replikationer) på {} "
        "s; flet delene med: kommunesim merge DEL-MAPPER... --out MAPPE\n",
    .wrote_batch =
        "\nskrev {}/: en mappe pr. scenarie ({} i alt), summary.csv på tværs af scenarierne og "
        "manifest.json, på {} s\n",
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
            .calibration_kinds = {"befolkning", "personer", "overgange", "udgifter",
                                  "kendt af flere centre"},
            .cross_silo_persons = "På tværs, personer",
            .cross_silo_households = "På tværs, familier",
            .disclosure = "Diskretionering",
            .hidden = "skjult",
            .cross_silo_person_headers = {"Forløb", "År", "Kendt af (centre med en sag)",
                                          "Antal centre", "Personer (helårspersoner)",
                                          "Kommunens udgift i alt"},
            .cross_silo_household_headers = {"Forløb", "År",
                                             "Kendt af (familiens medlemmer tilsammen)",
                                             "Antal centre", "Familier (helårshusstande)",
                                             "Personer i familierne (helårspersoner)",
                                             "Kommunens udgift i alt"},
            .provenance = "Kørslen",
            .provenance_headers = {"Punkt", "Værdi"},
            .provenance_items = {"Scenarie", "Scenariemappe", "Basisår", "Replikationer",
                                 "Regel for replikationer", "Kilder til usikkerhed",
                                 "Skattens timing", "Prisniveau", "Væsentlighedsgrænse (kr.)",
                                 "Intervaller", "Diskontering", "Seed", "Motorens version",
                                 "Motorens commit", "Startet (UTC)", "Kommandolinje", "Tråde",
                                 "Replikationer bag billedet på tværs af centre"},
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
    .calibrate =
        {
            .progress = "\rkalibrerer: {} simuleringer af basisforløbet",
            .header = "Kalibrering af {} ({} replikationer, seed {}): {} af {} mål inden for "
                      "tolerancen før, {} efter ({} simuleringer af basisforløbet, {} skridt)\n",
            .column_target = "mål",
            .column_year = "år",
            .column_value = "målværdi",
            .column_before = "før",
            .column_after = "efter",
            .column_off = "afvigelse",
            .figures = "\nKalibrerede tal flyttet inden for deres område ({} af {}):\n",
            .column_figure = "tal",
            .column_range = "område",
            .at_bound = "VED GRÆNSEN",
            .unread = "Påvirker intet mål og står uændret: {}",
            .all_met = "\nAlle {} mål nås.\n",
            .not_met = "Mål der ikke nås inden for tallenes områder: {}. Tal ved grænsen: {}. "
                       "Tjek målet, udvid et områdes grænse med en kilde, eller marker et tal mere "
                       "som kalibreret.",
            .none = "ingen",
            .wrote = "skrev {} (scenariet med de nye værdier; kør det med: kommunesim run {})\n",
        },
    .interval_note =
        "middelværdi [90 %-interval for middelværdien]: intervallet rummer den sande "
        "middelværdi i 90 % af kørslerne og bliver smallere med flere replikationer; "
        "spredningen af enkelte udfald er bredere (spread_p5/p95)",
    .discounting_note =
        "tilbagediskonteret til det første budgetår, som ikke diskonteres; hvert senere "
        "års strømme diskonteres samlet med hele år (år t med (1 + r)^-t)",
    .report = R"json({
 "page_title": "{}: budgetforslag",
 "title": "{}: budgetforslagene under {} perspektiver",
 "subtitle": "{} replikationer, {} fra {}, beløb i {}, seed {}; kommunesim {}, kørt {}",
 "nav_answer": "Svaret",
 "nav_decision": "Beslutningen",
 "nav_plane": "Omkostning og effekt",
 "nav_ledger": "Hvem betaler",
 "nav_flows": "Borgerstrømme",
 "nav_cross": "På tværs",
 "nav_paths": "Forløb over tid",
 "nav_tornado": "Tornado",
 "nav_sliders": "Eget perspektiv",
 "nav_assumptions": "Forudsætninger",
 "answer_heading": "Svaret: forslagene under budgetperspektivet «{}»",
 "answer_lead": "{}; mio. kr. i {}; middel [90 %-interval].",
 "view_words": "{}, {}, {}",
 "owning_centre": "det forslagsstillende center",
 "discounted_at": "diskonteret med {} %",
 "undiscounted": "ikke diskonteret",
 "and": " og ",
 "col_rank": "Plac.",
 "col_proposal": "Forslag",
 "col_verdict": "Vurdering",
 "col_net_value": "Nettoværdi, mio. kr.",
 "col_chance": "Chance for nettogevinst",
 "col_chance_top": "Chance for 1. plads",
 "col_payback": "Hjemtjent år",
 "col_bcr": "Gevinst pr. investeret krone",
 "col_per_participant": "Nettoværdi pr. deltager, kr.",
 "col_net_mean": "Nettoværdi, middel (mio. kr.)",
 "col_interval": "90 %-interval for middelværdien",
 "col_parameter": "Antagelse",
 "col_set_value": "Perspektivets værdi",
 "col_searched": "Søgt i",
 "col_switching": "Skifteværdi",
 "col_unit": "Enhed",
 "col_value": "Værdi",
 "col_range": "Interval",
 "col_evidence": "Evidens",
 "col_source": "Kilde",
 "col_target": "Mål",
 "col_target_value": "Målværdi",
 "col_baseline": "Basisforløb",
 "col_off": "Afvigelse",
 "decides_above": "{}, hvis {} er over {} (antaget: {}).",
 "decides_below": "{}, hvis {} er under {} (antaget: {}).",
 "decides_nothing": "Ingen af de {} undersøgte antagelser vender den.",
 "views_agree": "Alle {} perspektiver enige.",
 "views_disagree": "{} under {}.",
 "verdict_under": "{} under {}",
 "unpriced_harm": "⚠ {}: {}",
 "unpriced_gain": "{}: {}",
 "change_over": "{} {} på {}",
 "decision_heading": "1. Beslutningen",
 "decision_lead": "Kommunens nettoudgift: hvad forslaget lægger til kommunens budget (negativ: en besparelse). Nettoværdi under et perspektiv: hvad forslaget er værd set derfra (positiv: en gevinst). Tallene er middelværdier over replikationerne med 90 %-intervallet for middelværdien: det rummer den sande middelværdi i 90 % af kørslerne og bliver smallere, jo flere replikationer der køres (spredningen af de enkelte udfald er større; den står i summary.csv).",
 "verdict_rule": "Vurdering: nettogevinst eller nettoudgift, når intervallet for middelværdien ikke rummer nul; omtrent i balance, når det ligger inden for {} kr. fra nul; ellers for tæt til at afgøre. {}. {} {} Nettoværdierne er {}.",
 "same_under_every_set": "{} under alle perspektiver.",
 "depends_on_view": "Konklusionen afhænger af perspektivet: {}.",
 "card_costs": "Det koster kommunen <b>{} mio. kr.</b> i {} (nettoudgift {} mio. kr. {}); i {}-{} er nettoudgiften <b>{} mio. kr.</b> {} (ikke diskonteret).",
 "card_saves": "Det sparer kommunen <b>{} mio. kr.</b> i {} (nettoudgift {} mio. kr. {}); i {}-{} er nettoudgiften <b>{} mio. kr.</b> {} (ikke diskonteret).",
 "card_effects": "Klare effekter over {}: {}.",
 "no_clear_effect": "ingen klar ændring i noget udfald",
 "figures_heading": "Beslutningstal under ét perspektiv",
 "label_set": "Perspektiv:",
 "label_measure": "Udfald:",
 "label_proposal": "Forslag:",
 "label_dynamics_of": "Simuleret med dynamikken fra:",
 "label_start_from": "Start fra:",
 "label_discount_rate": "Diskonteringsrente:",
 "label_horizon": "Horisont:",
 "millions": "mio.",
 "not_resolved": "(ikke afklaret)",
 "not_within_horizon": "ikke inden for horisonten",
 "not_defined": "ikke defineret",
 "none_within_range": "ingen inden for intervallet",
 "figures_legend": "Hjemtjent år: det første år, fra hvilket den akkumulerede diskonterede nettoværdi (middelværdi) forbliver over nul. Gevinst pr. investeret krone: (nettoværdi + forslagets egen udgift) / forslagets egen udgift, begge diskonteret; ikke defineret for en reduktion.",
 "flips_heading": "Vendetabel: vurdering og placering under hvert perspektiv",
 "flips_lead": "Gule celler er en nettogevinst, hvor det første perspektiv finder en nettoudgift (eller omvendt), eller en afklaret førsteplads, der er en anden end under det første perspektiv. En vurdering, der er for tæt til at afgøre, vender ikke: intervallet for middelværdien rummer nul.",
 "versus": "mod",
 "flip_both": "vurdering og førsteplads er forskellige; perspektiverne er forskellige i: {}",
 "flip_verdict": "vurderingen er forskellig; perspektiverne er forskellige i: {}",
 "flip_top": "førstepladsen er forskellig; perspektiverne er forskellige i: {}",
 "disagreeing_pairs": "{} par af perspektiver, der er uenige",
 "rank_legend": "#: placering efter middelværdi; ? markerer en placering, hvis afstand til naboen er inden for usikkerheden.",
 "plane_heading": "2. Omkostning og effekt",
 "plane_x": "{} ({}), ændring over {}",
 "plane_y": "Nettoværdi, mio. kr. (op = gevinst), 90 %-interval",
 "ledger_heading": "3. Hvem betaler, hvem vinder",
 "ledger_lead": "Nettoudgift i kr. pr. center og betaler over budgetperioden (budgetåret og tre overslagsår); negativ er en besparelse. Alle forslag på samme skala: budgettets silo-billede.",
 "ledger_x": "Nettoudgift i budgetperioden, mio. kr. (venstre for 0 = besparelse)",
 "ledger_payer": "Betaler",
 "ledger_department": "Center",
 "flows_heading": "4. Borgerstrømme mellem tilstande",
 "flows_lead": "Skift mellem hvert moduls tilstande over hele horisonten (middel pr. replikation): forslaget minus basisforløbet. Rækkerne er tilstanden, borgerne skifter fra, kolonnerne den, de skifter til; hold musen over en celle for begge tal.",
 "cross_heading": "5. Borgere på tværs af centre",
 "cross_lead": "Hvor mange borgere og familier der er kendt af hvilke centre, og hvad de koster. Et center kender en borger i en måned, når et af centrets moduler har borgeren i en tilstand, der er en sag: en indsats eller en ydelse (modulerne siger, hvilke tilstande der er sager; en almindelig plads i dagtilbud eller skole er det ikke). Personer og familier er helårspersoner og helårshusstande (måneder / 12), middel over de første {} replikationer (et beskrivende billede; forslagenes vurderinger bygger på alle); en familie tælles under de centre, dens medlemmer tilsammen er kendt af. Udgiften er kommunens service og overførsler efter refusion, i modulernes tilstande, {}. Kommunen må ikke samkøre sine registre person for person på tværs af forvaltninger; modellens befolkning er syntetisk, så billedet kræver ingen samkøring.",
 "cross_summary": "I {} er {} familier med {} personer kendt af mindst to centre, når familiens medlemmer tælles sammen; de koster kommunen {} mio. kr., {} af modulernes udgifter. {} helårspersoner er selv kendt af mindst to centre ({} mio. kr.).",
 "cross_baseline": "Basisforløb (ingen forslag)",
 "cross_centres": "Kendt af",
 "cross_count": "Antal centre",
 "cross_households": "Familier",
 "cross_members": "Personer i familierne",
 "cross_household_cost": "Familiernes udgift, mio. kr.",
 "cross_persons": "Personer, selv kendt",
 "cross_person_cost": "Deres udgift, mio. kr.",
 "cross_change": "Familier, forslag - basis",
 "label_arm": "Forløb:",
 "label_year": "År:",
 "flows_to": "til",
 "flows_from": "fra",
 "flows_change": "Skift, forslag - basis",
 "flows_baseline": "basisforløb",
 "paths_heading": "6. Forløb over tid",
 "paths_year": "År",
 "paths_cost": "Kommunens nettoudgift, mio. kr. (90 %-interval)",
 "paths_effect": "{} ({}), 90 %-interval",
 "tornado_heading": "7. Tornado og skifteværdier",
 "tornado_note": "De {} største udsving af {} antagelser; alle står i tornado.csv og regnearket.",
 "tornado_x": "Nettoværdi, middel (mio. kr.) med antagelsen i hver ende af sit interval",
 "tornado_at_low": "i den lave ende (mio. kr.)",
 "tornado_at_high": "i den høje ende (mio. kr.)",
 "switching_heading": "Skifteværdier: hvor middelværdien af nettoværdien krydser nul",
 "sliders_heading": "8. Eget perspektiv",
 "sliders_lead": "Start fra et perspektiv og flyt dets værdisætning: nettoværdierne, placeringen og sammenligningen med hvert perspektiv regnes her på siden ud fra de årlige strømme i filen. Dynamikken (hvor meget af en effekt man tror på, dens aftagen, dødvægt) ligger fast pr. simuleret perspektiv; at ændre den kræver en ny kørsel. Visningen gemmes i sidens adresse, så den kan sendes til en kollega.",
 "reset": "Nulstil",
 "owning_only": "kun det forslagsstillende center",
 "kr_per": "kr. pr. {}",
 "to": "til",
 "equity_weight_of": "Fordelingsvægt for {}",
 "equity_weight_note": "på deres penge som borgere (tæller, når borgerne er med i perspektivet)",
 "fixed_dynamics": "Fast, som simuleret for dette perspektiv: effektskala {}, effektens halveringstid {}, dødvægt {}.",
 "half_life_per_proposal": "som hvert forslags evidens angiver (ellers {} måneder)",
 "declining_schedule": "perspektivets faldende rente ({})",
 "rate_from_year": "{} % fra år {}",
 "years_n": "{} år",
 "months_n": "{} måneder",
 "versus_set": "mod {}",
 "verdict_flips": "vurderingen vender",
 "no_flip": "vender ikke",
 "top_here": "; først her, ikke dér",
 "top_in_view": "Førsteplads i dette perspektiv: {}.",
 "assumptions_heading": "10. Forudsætninger og oprindelse (klik for at folde ud)",
 "register_heading": "Parameterregistret",
 "differs_in_a_flip": "(forskellig i et par, der vender)",
 "calibration_heading": "Kalibrering: basisforløbet mod målene",
 "no_calibration": "Scenariet har ingen kalibreringsmål.",
 "provenance_heading": "Oprindelse",
 "prov_scenario": "Scenarie",
 "prov_engine": "Program",
 "prov_started": "Startet (UTC)",
 "prov_command": "Kommando",
 "prov_seed": "Seed",
 "prov_replicates": "Replikationer",
 "prov_sensitivity": "Replikationer i følsomhedsberegningen",
 "prov_threads": "Tråde",
 "prov_prices": "Prisniveau",
 "prov_disclosure": "Diskretionering",
 "hidden": "skjult",
 "cross_summary_hidden": "I {} er mindst {} familier med mindst {} personer kendt af mindst to centre, når familiens medlemmer tælles sammen; de koster kommunen mindst {} mio. kr. Mindst {} helårspersoner er selv kendt af mindst to centre (mindst {} mio. kr.). Antal under {} er skjult (diskretionering), og det samme er tal, de kan udledes af.",
 "price_of": "prisen på et {} ({})",
 "payers": {
  "municipality": "kommunen",
  "state": "staten",
  "region": "regionen",
  "citizen": "borgerne"
 },
 "parameters": {
  "effect_scale": "andelen af effekten, der holder",
  "deadweight": "dødvægten",
  "effect_half_life_months": "effektens halveringstid",
  "horizon_years": "tidshorisonten",
  "discount_rate": "diskonteringsrenten"
 },
 "glossary": {
  "kontanthjælp": "Kommunens forsørgelsesydelse til personer uden anden forsørgelse",
  "uddannelseshjælp": "Kontanthjælp til personer under 30 år uden uddannelse",
  "refusion": "Statens tilbagebetaling af en del af kommunens udgift til ydelser; andelen falder med varigheden af forsørgelsen",
  "anbringelse": "Anbringelse uden for hjemmet: i plejefamilie eller på institution",
  "overslagsår": "De tre år efter budgetåret i kommunens budget (en budgetperiode på fire år)",
  "førtidspension": "Varig ydelse til personer, hvis arbejdsevne ikke kan forbedres",
  "fleksjob": "Job på nedsat tid med kommunalt løntilskud",
  "ressourceforløb": "Tværfagligt forløb for personer langt fra arbejdsmarkedet",
  "sygedagpenge": "Ydelse under sygdom",
  "dagpenge": "Arbejdsløshedsdagpenge; kommunen medfinansierer dem",
  "trivsel": "Børns trivsel: trives, i risiko eller lav",
  "SØM": "Den Socialøkonomiske Investeringsmodel: statens model for beregning af sociale investeringer",
  "WELLBY": "Ét point livstilfredshed (0-10) for én person i ét år",
  "dødvægt": "Den del af en effekt, der ville være sket alligevel",
  "skifteværdi": "Den værdi af en antagelse, hvor nettoværdien skifter fortegn",
  "nettoværdi": "Hvad forslaget er værd under perspektivet: gevinster minus udgifter, diskonteret"
 },
 "col_decides": "Afgøres af",
 "col_views": "De andre perspektiver",
 "col_unpriced": "Udfald uden pris",
 "chance_of_gain": "gevinstchance {}",
 "nothing_unpriced": "ingen klar ændring uden pris",
 "views_count": "{} af {} andre",
 "nav_sheets": "Forslagsark",
 "sheets_heading": "9. Forslagsark",
 "sheets_lead": "Ét ark pr. forslag til udvalget: budgetskemaet i 1.000 kr., vurderingen og effekterne. Udskrevet fylder hvert ark én A4-side.",
 "print_sheets": "Udskriv alle forslagsark",
 "sheet_centre": "Center",
 "sheet_type": "Art",
 "budget_year": "budgetår",
 "outlook_year": "overslagsår",
 "derived_consequences": "Afledte konsekvenser i andre centre",
 "total_municipality": "I alt, kommunen",
 "col_horizon": "Horisont",
 "kind_expansion": "Udvidelsesforslag",
 "kind_reduction": "Reduktionsforslag",
 "kind_package": "Pakke af forslag",
 "sheet_owner": "Forslagsstiller: {}",
 "sheet_budget": "Økonomi, 1.000 kr. i {} (udgifter +, besparelser og indtægter -)",
 "sheet_verdict": "Vurdering under budgetperspektivet «{}»",
 "sheet_net_value": "nettoværdi {} mio. kr. {}, {} chance for gevinst.",
 "sheet_effects": "Effekter over {} (middelværdi [90 %-interval])",
 "sheet_footer": "{}. Kørt {} med kommunesim {}.",
 "budget_types": [
  "Service (serviceramme)",
  "Overførsler, budgetgaranti",
  "Overførsler, øvrige",
  "Finansiering (skat, udligning)",
  "Anlæg"
 ],
 "unpriced_gains": "+ {} gevinst(er) uden pris",
 "unpriced_everywhere": "(uden pris i alle {} perspektiver)",
 "unpriced_all_but": "(uden pris i alle perspektiver undtagen {})",
 "unpriced_in_named": "(uden pris i {})",
 "years_one": "{} år"
})json",
};

}  // namespace kommunesim::output
