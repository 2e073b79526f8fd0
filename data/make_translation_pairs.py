"""Generate ``eng_fra_grammar_pairs.tsv``: short English sentences and their French translations.

No small corpus of short English-French sentence pairs is available offline, so notebook 10
trains its translation models on sentences made by the small grammar below. Every English
sentence has exactly one French translation, so a perfect model is possible and BLEU measures
how much of the grammar a model has learnt. Run ``python data/make_translation_pairs.py`` to
(re)write the file; with the same ``SEED`` and ``N_PAIRS`` the output is identical byte for
byte (``tests/test_translation_corpus.py`` checks it).

The grammar
-----------
Two kinds of sentence, drawn at random (about 85% and 15%):

1. **subject + verb + object**, e.g. "I drink milk" -> "je bois du lait".
2. **subject + to be + adjective**, e.g. "the houses are not red" -> "les maisons ne sont pas
   rouges".

*Subjects*: the pronouns I, you, he, she, we, they (je, tu, il, elle, nous, ils: "you" is
always the familiar singular "tu" and "they" the masculine "ils", so that each English sentence
has one translation) and six first names (Paul, Marie, Louis, Sophie, Thomas, Julie), which keep
their gender. Sentences of kind 2 may also have a noun phrase as subject ("the dog", "the cars").

*Verbs*: 18 transitive verbs with their French conjugation (regular -er verbs such as
regarder, and irregular boire, voir, vouloir, prendre, écrire, ouvrir, vendre, peindre,
choisir...). Each verb takes objects of the kinds that make sense for it (one drinks drinks,
opens doors, windows, boxes...).

*Tenses*: present ("she drinks" -> "elle boit"), passé composé for the English simple past
("she drank" -> "elle a bu"), futur proche for "going to" ("she is going to drink" -> "elle va
boire"); kind 2 also has the imperfect for "was/were" ("she was tired" -> "elle était
fatiguée").

*Negation*: "do/does/did not", "am/is/are not" -> "ne ... pas" around the conjugated verb
("he did not drink" -> "il n'a pas bu"); after a negation the indefinite and partitive articles
become "de" ("I do not drink milk" -> "je ne bois pas de lait").

*Objects*: 43 nouns with their French gender and plural (cheval/chevaux, oiseau/oiseaux,
mouse/mice -> souris/souris), in four kinds: animals, things, countable food, and mass nouns
(food and drinks). Countable nouns take "the", "a/an", "the" + plural or a bare plural
(le/la/l', un/une, les, des); mass nouns take no article (partitive du/de la/de l') or "the".
With "like" and "love" a bare noun is generic and takes the definite article in French
("I like dogs" -> "j'aime les chiens"), and "a/an" is not used.

*Adjectives* (one at most per noun phrase, with probability 1/3): they agree in gender and
number with their noun ("une voiture verte", "des chevaux blancs"). Most follow the noun in
French (colours, temperatures, "fresh"); "big", "small", "pretty", "old" and "good" precede
it (grand, petit, joli, vieux/vieille, bon), and before a plural adjective "des" becomes "de"
("de petits chiens"). Kind 2 uses adjectives that suit its subject: for people tall, short,
happy, sad, tired, rich, young, ill, ready, busy (masculine for I, you, we, they; feminine for
she and the women's names).

*Elision*: je, ne, le, la and de lose their vowel before a vowel ("j'aime", "l'eau", "d'œufs"),
and "du" becomes "de l'".

The file is UTF-8 with a header line ``english<TAB>french`` and one pair per line, sorted by
the English sentence; the English sentences are distinct. The lesson's example, "I drink milk"
("je bois du lait"), is always included.
"""

import argparse
import random
from pathlib import Path

SEED = 42
N_PAIRS = 25_000
OUTPUT = Path(__file__).resolve().parent / "eng_fra_grammar_pairs.tsv"
HEADER = "english\tfrench"

# --- Nouns: English singular, English plural, French singular, French plural, gender, kind.
NOUNS = [
    ("dog", "dogs", "chien", "chiens", "m", "animal"),
    ("cat", "cats", "chat", "chats", "m", "animal"),
    ("horse", "horses", "cheval", "chevaux", "m", "animal"),
    ("bird", "birds", "oiseau", "oiseaux", "m", "animal"),
    ("cow", "cows", "vache", "vaches", "f", "animal"),
    ("mouse", "mice", "souris", "souris", "f", "animal"),
    ("rabbit", "rabbits", "lapin", "lapins", "m", "animal"),
    ("car", "cars", "voiture", "voitures", "f", "thing"),
    ("house", "houses", "maison", "maisons", "f", "thing"),
    ("book", "books", "livre", "livres", "m", "thing"),
    ("letter", "letters", "lettre", "lettres", "f", "thing"),
    ("door", "doors", "porte", "portes", "f", "thing"),
    ("window", "windows", "fenêtre", "fenêtres", "f", "thing"),
    ("shirt", "shirts", "chemise", "chemises", "f", "thing"),
    ("hat", "hats", "chapeau", "chapeaux", "m", "thing"),
    ("table", "tables", "table", "tables", "f", "thing"),
    ("chair", "chairs", "chaise", "chaises", "f", "thing"),
    ("box", "boxes", "boîte", "boîtes", "f", "thing"),
    ("bag", "bags", "sac", "sacs", "m", "thing"),
    ("newspaper", "newspapers", "journal", "journaux", "m", "thing"),
    ("dress", "dresses", "robe", "robes", "f", "thing"),
    ("glass", "glasses", "verre", "verres", "m", "thing"),
    ("bicycle", "bicycles", "vélo", "vélos", "m", "thing"),
    ("flower", "flowers", "fleur", "fleurs", "f", "thing"),
    ("apple", "apples", "pomme", "pommes", "f", "food"),
    ("cake", "cakes", "gâteau", "gâteaux", "m", "food"),
    ("egg", "eggs", "œuf", "œufs", "m", "food"),
    ("orange", "oranges", "orange", "oranges", "f", "food"),
    ("banana", "bananas", "banane", "bananes", "f", "food"),
    ("tomato", "tomatoes", "tomate", "tomates", "f", "food"),
    ("bread", None, "pain", None, "m", "mass_food"),
    ("cheese", None, "fromage", None, "m", "mass_food"),
    ("soup", None, "soupe", None, "f", "mass_food"),
    ("rice", None, "riz", None, "m", "mass_food"),
    ("meat", None, "viande", None, "f", "mass_food"),
    ("fish", None, "poisson", None, "m", "mass_food"),
    ("milk", None, "lait", None, "m", "drink"),
    ("water", None, "eau", None, "f", "drink"),
    ("coffee", None, "café", None, "m", "drink"),
    ("tea", None, "thé", None, "m", "drink"),
    ("juice", None, "jus", None, "m", "drink"),
    ("wine", None, "vin", None, "m", "drink"),
    ("beer", None, "bière", None, "f", "drink"),
]
# Which nouns can be written, opened, washed, carried, painted (others go by kind).
SPECIAL_OBJECTS = {
    "write": {"letter", "book"},
    "open": {"door", "window", "box", "book", "letter", "bag"},
    "wash": {"car", "shirt", "dress", "glass", "dog", "horse", "table", "chair", "bicycle"},
    "carry": {"box", "bag", "chair", "table", "book", "glass", "flower", "newspaper"},
    "paint": {"house", "door", "chair", "table", "box", "bicycle", "car", "window"},
    "cook": {"egg", "tomato", "bread", "soup", "rice", "meat", "fish"},
}

# --- Adjectives: English, French m.sg, f.sg, m.pl, f.pl, before the noun?, kinds they suit.
ANIMATE, THING = {"animal"}, {"thing"}
FOOD = {"food", "mass_food"}
ADJECTIVES = [
    ("red", "rouge", "rouge", "rouges", "rouges", False, THING),
    ("green", "vert", "verte", "verts", "vertes", False, THING),
    ("blue", "bleu", "bleue", "bleus", "bleues", False, THING),
    ("yellow", "jaune", "jaune", "jaunes", "jaunes", False, THING),
    ("black", "noir", "noire", "noirs", "noires", False, THING | ANIMATE),
    ("white", "blanc", "blanche", "blancs", "blanches", False, THING | ANIMATE),
    ("big", "grand", "grande", "grands", "grandes", True, THING | ANIMATE),
    ("small", "petit", "petite", "petits", "petites", True, THING | ANIMATE | FOOD),
    ("pretty", "joli", "jolie", "jolis", "jolies", True, THING | ANIMATE),
    ("old", "vieux", "vieille", "vieux", "vieilles", True, THING),
    ("good", "bon", "bonne", "bons", "bonnes", True, FOOD | {"drink"}),
    ("fresh", "frais", "fraîche", "frais", "fraîches", False, FOOD),
    ("hot", "chaud", "chaude", "chauds", "chaudes", False, {"drink", "mass_food"}),
    ("cold", "froid", "froide", "froids", "froides", False, {"drink", "mass_food"}),
]
# Predicate adjectives for people: English, m.sg, f.sg, m.pl, f.pl.
PERSON_ADJECTIVES = [
    ("tall", "grand", "grande", "grands", "grandes"),
    ("short", "petit", "petite", "petits", "petites"),
    ("happy", "heureux", "heureuse", "heureux", "heureuses"),
    ("sad", "triste", "triste", "tristes", "tristes"),
    ("tired", "fatigué", "fatiguée", "fatigués", "fatiguées"),
    ("rich", "riche", "riche", "riches", "riches"),
    ("young", "jeune", "jeune", "jeunes", "jeunes"),
    ("ill", "malade", "malade", "malades", "malades"),
    ("ready", "prêt", "prête", "prêts", "prêtes"),
    ("busy", "occupé", "occupée", "occupés", "occupées"),
]

# --- Subjects: English, French, person index (0 je, 1 tu, 2 il/elle, 3 nous, 4 ils), gender.
PRONOUNS = [
    ("I", "je", 0, "m"),
    ("you", "tu", 1, "m"),
    ("he", "il", 2, "m"),
    ("she", "elle", 2, "f"),
    ("we", "nous", 3, "m"),
    ("they", "ils", 4, "m"),
]
NAMES = [("Paul", "m"), ("Marie", "f"), ("Louis", "m"), ("Sophie", "f"), ("Thomas", "m"),
         ("Julie", "f")]  # fmt: skip
SUBJECTS = PRONOUNS + [(name, name, 2, gender) for name, gender in NAMES]

# --- Verbs: English base, 3rd singular, past; French present (je, tu, il, nous, ils),
# past participle, infinitive, object kinds (None: the nouns listed in SPECIAL_OBJECTS).
ALL_KINDS = {"animal", "thing", "food", "mass_food", "drink"}
VERBS = [
    ("drink", "drinks", "drank", "bois bois boit buvons boivent", "bu", "boire", {"drink"}),
    ("eat", "eats", "ate", "mange manges mange mangeons mangent", "mangé", "manger", FOOD),
    ("see", "sees", "saw", "vois vois voit voyons voient", "vu", "voir", ANIMATE | THING),
    ("watch", "watches", "watched", "regarde regardes regarde regardons regardent", "regardé",
     "regarder", ANIMATE | THING),
    ("like", "likes", "liked", "aime aimes aime aimons aiment", "aimé", "aimer", ALL_KINDS),
    ("love", "loves", "loved", "adore adores adore adorons adorent", "adoré", "adorer",
     ALL_KINDS),
    ("buy", "buys", "bought", "achète achètes achète achetons achètent", "acheté", "acheter",
     ALL_KINDS),
    ("want", "wants", "wanted", "veux veux veut voulons veulent", "voulu", "vouloir",
     ALL_KINDS),
    ("take", "takes", "took", "prends prends prend prenons prennent", "pris", "prendre",
     THING | FOOD | {"drink"}),
    ("find", "finds", "found", "trouve trouves trouve trouvons trouvent", "trouvé", "trouver",
     ANIMATE | THING),
    ("sell", "sells", "sold", "vends vends vend vendons vendent", "vendu", "vendre",
     ALL_KINDS),
    ("choose", "chooses", "chose", "choisis choisis choisit choisissons choisissent", "choisi",
     "choisir", THING | FOOD | {"drink"}),
    ("write", "writes", "wrote", "écris écris écrit écrivons écrivent", "écrit", "écrire", None),
    ("open", "opens", "opened", "ouvre ouvres ouvre ouvrons ouvrent", "ouvert", "ouvrir", None),
    ("wash", "washes", "washed", "lave laves lave lavons lavent", "lavé", "laver", None),
    ("carry", "carries", "carried", "porte portes porte portons portent", "porté", "porter",
     None),
    ("paint", "paints", "painted", "peins peins peint peignons peignent", "peint", "peindre",
     None),
    ("cook", "cooks", "cooked", "cuisine cuisines cuisine cuisinons cuisinent", "cuisiné",
     "cuisiner", None),
]  # fmt: skip
GENERIC_VERBS = {"like", "love"}  # "I like dogs" -> "j'aime les chiens"
AVOIR = "ai as a avons ont".split()
ALLER = "vais vas va allons vont".split()
ETRE = "suis es est sommes sont".split()
ETRE_IMPERFECT = "étais étais était étions étaient".split()
TENSES = ["present", "past", "going_to"]

VOWELS = tuple("aeiouyéèêâîôûœ")


def starts_with_vowel(word):
    return word.lower().startswith(VOWELS)


def elide(words):
    """Join French words, applying elision: je/ne/le/la/de + vowel, du + vowel -> de l'."""
    out = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following and starts_with_vowel(following):
            if word in ("je", "ne", "le", "la", "de"):
                out.append(word[:-1] + "'")
                continue
            if word == "du":
                out.extend(["de", "l'"])
                continue
        out.append(word)
    text = " ".join(out)
    return text.replace("' ", "'")


def english_article(word):
    return "an" if starts_with_vowel(word) else "a"


def noun_phrase(noun, determiner, adjective, negated, generic):
    """An object noun phrase in both languages.

    ``determiner`` is one of "the", "a", "the_pl", "bare" (bare plural or mass noun).
    """
    en_sg, en_pl, fr_sg, fr_pl, gender, kind = noun
    plural = determiner in ("the_pl",) or (
        determiner == "bare" and kind not in ("mass_food", "drink")
    )
    en_noun, fr_noun = (en_pl, fr_pl) if plural else (en_sg, fr_sg)
    en_words = [adjective[0], en_noun] if adjective else [en_noun]
    fr_words = [fr_noun]
    if adjective:
        forms = {("m", False): 1, ("f", False): 2, ("m", True): 3, ("f", True): 4}
        fr_adjective = adjective[forms[(gender, plural)]]
        fr_words = [fr_adjective, fr_noun] if adjective[5] else [fr_noun, fr_adjective]
    if determiner == "the":
        en_det, fr_det = ["the"], ["le" if gender == "m" else "la"]
    elif determiner == "the_pl":
        en_det, fr_det = ["the"], ["les"]
    elif determiner == "a":
        en_det = [english_article(en_words[0])]
        fr_det = ["de"] if negated else ["un" if gender == "m" else "une"]
    elif generic:  # "I like milk / dogs": the definite article, kept under negation
        en_det, fr_det = [], ["les" if plural else ("le" if gender == "m" else "la")]
    elif negated:  # "pas de lait", "pas de chiens"
        en_det, fr_det = [], ["de"]
    elif plural:  # "des chiens", but "de petits chiens"
        en_det = []
        fr_det = ["de"] if adjective and adjective[5] else ["des"]
    else:  # partitive
        en_det, fr_det = [], ["du" if gender == "m" else "de", *([] if gender == "m" else ["la"])]
    return en_det + en_words, fr_det + fr_words


def objects_for(verb):
    base, kinds = verb[0], verb[6]
    if kinds is None:
        return [n for n in NOUNS if n[0] in SPECIAL_OBJECTS[base]]
    return [n for n in NOUNS if n[5] in kinds]


def verb_phrase(subject, verb, tense, negated):
    """English and French words for subject + verb in ``tense``."""
    en_subject, fr_subject, person, _ = subject
    base, third, past, present, participle, infinitive, _ = verb
    third_singular = person == 2
    if tense == "present":
        fr_verb, fr_rest = present.split()[person], []
        if negated:
            en = [en_subject, "does" if third_singular else "do", "not", base]
        else:
            en = [en_subject, third if third_singular else base]
    elif tense == "past":
        fr_verb, fr_rest = AVOIR[person], [participle]
        en = [en_subject, "did", "not", base] if negated else [en_subject, past]
    else:  # going_to -> futur proche
        fr_verb, fr_rest = ALLER[person], [infinitive]
        be = {0: "am", 2: "is"}.get(person, "are")
        en = [en_subject, be, *(["not"] if negated else []), "going", "to", base]
    fr = [fr_subject, *(["ne", fr_verb, "pas"] if negated else [fr_verb]), *fr_rest]
    return en, fr


def transitive_sentence(rng):
    subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
    tense, negated = rng.choice(TENSES), rng.random() < 0.5
    noun = rng.choice(objects_for(verb))
    generic = verb[0] in GENERIC_VERBS
    if noun[5] in ("mass_food", "drink"):
        determiner = rng.choice(["bare", "bare", "the"])
    else:
        determiner = rng.choice(["the", "the_pl", "bare"] + ([] if generic else ["a"]))
    adjective = None
    if rng.random() < 1 / 3:
        adjective = rng.choice([a for a in ADJECTIVES if noun[5] in a[6]])
    en_verb, fr_verb = verb_phrase(subject, verb, tense, negated)
    en_np, fr_np = noun_phrase(noun, determiner, adjective, negated, generic)
    return " ".join(en_verb + en_np), elide(fr_verb + fr_np)


def copula_sentence(rng):
    """subject + to be + adjective, with agreement of the adjective."""
    if rng.random() < 0.6:
        en_subject, fr_subject, person, gender = rng.choice(SUBJECTS)
        en_subject, fr_subject = [en_subject], [fr_subject]
        adjective = rng.choice(PERSON_ADJECTIVES)
    else:  # "the dog", "the houses"
        noun = rng.choice([n for n in NOUNS if n[5] in ("animal", "thing")])
        plural, gender = rng.random() < 0.5, noun[4]
        person = 4 if plural else 2
        en_subject = ["the", noun[1] if plural else noun[0]]
        fr_subject = ["les" if plural else ("le" if gender == "m" else "la"),
                      noun[3] if plural else noun[2]]  # fmt: skip
        choices = [a for a in ADJECTIVES if noun[5] in a[6]]
        adjective = rng.choice(choices)[:5]
    fr_adjective = adjective[{("m", False): 1, ("f", False): 2, ("m", True): 3,
                              ("f", True): 4}[(gender, person in (3, 4))]]  # fmt: skip
    tense, negated = rng.choice(["present", "past", "going_to"]), rng.random() < 0.5
    not_ = ["not"] if negated else []
    if tense == "present":
        en_be = {0: "am", 2: "is"}.get(person, "are")
        en = [*en_subject, en_be, *not_]
        fr_verb, fr_rest = ETRE[person], []
    elif tense == "past":  # "was/were" -> imparfait
        en = [*en_subject, "was" if person in (0, 2) else "were", *not_]
        fr_verb, fr_rest = ETRE_IMPERFECT[person], []
    else:
        en_be = {0: "am", 2: "is"}.get(person, "are")
        en = [*en_subject, en_be, *not_, "going", "to", "be"]
        fr_verb, fr_rest = ALLER[person], ["être"]
    fr = [*fr_subject, *(["ne", fr_verb, "pas"] if negated else [fr_verb]), *fr_rest]
    return " ".join([*en, adjective[0]]), elide([*fr, fr_adjective])


def generate(seed=SEED, n_pairs=N_PAIRS):
    """Return ``n_pairs`` distinct (english, french) pairs sorted by the English sentence."""
    rng = random.Random(seed)
    pairs = {"I drink milk": "je bois du lait"}  # the lesson's example, always present
    while len(pairs) < n_pairs:
        make = copula_sentence if rng.random() < 0.15 else transitive_sentence
        english, french = make(rng)
        if pairs.setdefault(english, french) != french:
            raise AssertionError(f"two translations for {english!r}")
    return sorted(pairs.items())


def to_tsv(pairs):
    """The file's text: a header line, then one ``english<TAB>french`` line per pair."""
    return "\n".join([HEADER, *(f"{en}\t{fr}" for en, fr in pairs)]) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--n-pairs", type=int, default=N_PAIRS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    pairs = generate(args.seed, args.n_pairs)
    args.output.write_bytes(to_tsv(pairs).encode("utf-8"))
    print(f"wrote {len(pairs):,} pairs to {args.output.name}")


if __name__ == "__main__":
    main()
