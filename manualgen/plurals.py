"""English plurals as Hugo makes them for the title of a section without an ``_index`` file
(``pluralizeListTitles``): Hugo uses the gobuffalo/flect package, whose word list and suffix
rules are reproduced here as data, and checked against the hugo 0.149.1 binary
("child" → "children", "person" → "people", "analysis" → "analyses", "index" → "indices",
"children" stays "children", "octopus" → "octupuses", as flect has it).

The last word of the name is made plural and the rest kept as written ("out-of-date" →
"out-of-dates")."""

from __future__ import annotations

import unicodedata

# (singular, plural, alternative plural, flags): "u" one way only (the plural is not read
# back as this singular), "e" the whole word only (no suffix rule), "n" uncountable
_WORDS = (
    ("aircraft", "aircraft", "", ""), ("beef", "beef", "beefs", ""), ("bison", "bison", "", ""),
    ("blues", "blues", "", "u"), ("chassis", "chassis", "", ""), ("deer", "deer", "", ""),
    ("fish", "fish", "fishes", ""), ("moose", "moose", "", ""), ("police", "police", "", ""),
    ("salmon", "salmon", "salmons", ""), ("series", "series", "", ""), ("sheep", "sheep", "", ""),
    ("shrimp", "shrimp", "shrimps", ""), ("species", "species", "", ""),
    ("swine", "swine", "swines", ""), ("trout", "trout", "trouts", ""),
    ("tuna", "tuna", "tunas", ""), ("you", "you", "", ""),
    ("child", "children", "", ""), ("ox", "oxen", "", "e"),
    ("foot", "feet", "", ""), ("goose", "geese", "", ""), ("man", "men", "", ""),
    ("human", "humans", "", ""), ("louse", "lice", "", "e"), ("mouse", "mice", "", ""),
    ("tooth", "teeth", "", ""), ("woman", "women", "", ""),
    ("die", "dice", "", "e"), ("person", "people", "", ""),
    ("adieu", "adieux", "adieus", ""), ("fabliau", "fabliaux", "", ""),
    ("bureau", "bureaus", "bureaux", ""),
    ("criterion", "criteria", "", ""), ("ganglion", "ganglia", "ganglions", ""),
    ("lexicon", "lexica", "lexicons", ""), ("mitochondrion", "mitochondria", "mitochondrions", ""),
    ("noumenon", "noumena", "", ""), ("phenomenon", "phenomena", "", ""), ("taxon", "taxa", "", ""),
    ("media", "media", "", ""), ("medium", "media", "mediums", "u"),
    ("stadium", "stadiums", "stadia", ""), ("aquarium", "aquaria", "aquariums", ""),
    ("auditorium", "auditoria", "auditoriums", ""), ("symposium", "symposia", "symposiums", ""),
    ("curriculum", "curriculums", "curricula", ""), ("quota", "quotas", "", ""),
    ("alumnus", "alumni", "alumnuses", ""), ("bacillus", "bacilli", "", ""),
    ("cactus", "cacti", "cactuses", ""), ("coccus", "cocci", "", ""),
    ("focus", "foci", "focuses", ""), ("locus", "loci", "locuses", ""),
    ("nucleus", "nuclei", "nucleuses", ""), ("octopus", "octupuses", "octopi", ""),
    ("radius", "radii", "radiuses", ""), ("syllabus", "syllabi", "", ""),
    ("corpus", "corpora", "corpuses", ""), ("genus", "genera", "", ""),
    ("alumna", "alumnae", "", ""), ("vertebra", "vertebrae", "", ""),
    ("differentia", "differentiae", "", ""), ("minutia", "minutiae", "", ""),
    ("vita", "vitae", "", ""), ("larva", "larvae", "", ""), ("postcava", "postcavae", "", ""),
    ("praecava", "praecavae", "", ""), ("uva", "uvae", "", ""),
    ("apex", "apices", "apexes", ""), ("codex", "codices", "codexes", ""),
    ("index", "indices", "indexes", ""), ("latex", "latices", "latexes", ""),
    ("vertex", "vertices", "vertexes", ""), ("vortex", "vortices", "vortexes", ""),
    ("appendix", "appendices", "appendixes", ""), ("radix", "radices", "radixes", ""),
    ("helix", "helices", "helixes", ""),
    ("axis", "axes", "", "e"), ("crisis", "crises", "", ""), ("ellipsis", "ellipses", "", "u"),
    ("genesis", "geneses", "", ""), ("oasis", "oases", "", ""), ("thesis", "theses", "", ""),
    ("testis", "testes", "", ""), ("base", "bases", "", ""), ("basis", "bases", "", "u"),
    ("alias", "aliases", "", "e"), ("vedalia", "vedalias", "", ""),
    ("use", "uses", "", "e"), ("abuse", "abuses", "", ""), ("cause", "causes", "", ""),
    ("clause", "clauses", "", ""), ("cruse", "cruses", "", ""), ("excuse", "excuses", "", ""),
    ("fuse", "fuses", "", ""), ("house", "houses", "", ""), ("misuse", "misuses", "", ""),
    ("muse", "muses", "", ""), ("pause", "pauses", "", ""), ("ache", "aches", "", ""),
    ("topaz", "topazes", "", ""), ("buffalo", "buffaloes", "buffalos", ""),
    ("potato", "potatoes", "", ""), ("tomato", "tomatoes", "", ""),
    ("equipment", "equipment", "", "n"), ("information", "information", "", "n"),
    ("jeans", "jeans", "", "n"), ("money", "money", "", "n"), ("news", "news", "", "n"),
    ("rice", "rice", "", "n"),
    ("dwarf", "dwarfs", "dwarves", ""), ("hoof", "hoofs", "hooves", ""),
    ("thief", "thieves", "", ""), ("chive", "chives", "", ""), ("hive", "hives", "", ""),
    ("move", "moves", "", ""), ("movie", "movies", "", ""), ("cookie", "cookies", "", ""),
    ("pretorium", "pretoriums", "", ""), ("agenda", "agendas", "", ""),
    ("formula", "formulas", "formulae", ""), ("shoe", "shoes", "", ""),
    ("toe", "toes", "", "e"), ("graffiti", "graffiti", "", ""), ("ID", "IDs", "", "e"),
)

# Suffix rules in their order of priority, the first that fits wins.
_SUFFIXES = (
    ("tive", "tives"), ("eaf", "eaves"), ("oaf", "oaves"), ("afe", "aves"), ("arf", "arves"),
    ("rfe", "rves"), ("rf", "rves"), ("lf", "lves"), ("fe", "ves"),
    ("ay", "ays"), ("ey", "eys"), ("oy", "oys"), ("quy", "quies"), ("uy", "uys"), ("y", "ies"),
    ("eau", "eaux"),
    ("bula", "bulae"), ("dula", "bulae"), ("lula", "bulae"), ("nula", "bulae"), ("vula", "bulae"),
    ("hedron", "hedra"),
    ("ium", "ia"), ("seum", "seums"), ("eum", "ea"), ("oum", "oa"), ("stracum", "straca"),
    ("dum", "da"), ("elum", "ela"), ("ilum", "ila"), ("olum", "ola"), ("ulum", "ula"),
    ("llum", "lla"), ("ylum", "yla"), ("imum", "ima"), ("ernum", "erna"), ("gnum", "gna"),
    ("brum", "bra"), ("crum", "cra"), ("terum", "tera"), ("serum", "sera"), ("trum", "tra"),
    ("antum", "anta"), ("atum", "ata"), ("entum", "enta"), ("etum", "eta"), ("itum", "ita"),
    ("otum", "ota"), ("utum", "uta"), ("ctum", "cta"), ("ovum", "ova"),
    ("trix", "trices"),
    ("iasis", "iases"), ("mesis", "meses"), ("kinesis", "kineses"), ("resis", "reses"),
    ("gnosis", "gnoses"), ("opsis", "opses"), ("ysis", "yses"),
    ("ouse", "ouses"), ("lause", "lauses"), ("us", "uses"),
    ("ch", "ches"), ("io", "ios"), ("sh", "shes"), ("ss", "sses"), ("ez", "ezzes"),
    ("iz", "izzes"), ("tz", "tzes"), ("zz", "zzes"), ("ano", "anos"), ("lo", "los"),
    ("to", "tos"), ("oo", "oos"), ("o", "oes"), ("x", "xes"),
    ("S", "Ses"),
)


def _tables() -> tuple[dict[str, str], set[str], list[tuple[str, str | None]]]:
    """The word to plural table, the known plurals, and the suffix rules as (suffix, its
    replacement or None to keep the word)."""
    to_plural = {singular: plural for singular, plural, _alt, _flags in _WORDS}
    plurals = {plural for _s, plural, _alt, flags in _WORDS if "u" not in flags}
    plurals |= {alt for _s, _p, alt, flags in _WORDS if alt and "u" not in flags}
    rules: list[tuple[str, str | None]] = []
    for singular, plural, _alt, flags in reversed(_WORDS):  # the later words first, as flect
        if "e" not in flags:
            rules += [(plural, None), (singular, plural)]
    for singular, plural in _SUFFIXES:
        rules += [(plural, None), (singular, plural)]
    return to_plural, plurals, rules


_TO_PLURAL, _PLURALS, _RULES = _tables()
_SEPARATORS = "_:-/"


def pluralize(name: str) -> str:
    """``name`` with its last word made plural, as Hugo's section titles have it."""
    word = _last_word(name)
    if not word:
        return name
    if name in _TO_PLURAL:
        return _TO_PLURAL[name]
    if name in _PLURALS:
        return name
    lower = word.lower()
    if lower in _PLURALS:
        return name
    if lower in _TO_PLURAL:
        plural = _TO_PLURAL[lower]
        return _replaced(name, word, _capitalized(plural) if word == _capitalized(word) else plural)
    for suffix, plural in _RULES:
        if word.endswith(suffix):
            return _replaced(name, word, word if plural is None else word[:len(word) - len(suffix)] + plural)
    return name if lower.endswith("s") else name + "s"


def _replaced(name: str, word: str, new: str) -> str:
    """``name`` with its last word ``word`` made ``new``; added after a name that does not
    end with it ("a-" stays "a-" and gains the plural, as flect does)."""
    return (name[:len(name) - len(word)] if name.endswith(word) else name) + new


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


def _last_word(name: str) -> str:
    """The last word of a name as flect splits it: at white space, "_", ":", "-" and "/",
    at a capital after a letter that is not one ("pageSettings" → "Settings"), and at a
    symbol ("+"); letters, digits and punctuation ("person.", "v1.2") make words."""
    words: list[str] = []
    current: list[str] = []
    previous = ""
    for char in name:
        if char in _SEPARATORS or char.isspace():
            words.append("".join(current))
            current = []
        elif char.isupper() and not previous.isupper():
            words.append("".join(current))
            current = [char]
        elif char.isalpha() or char.isdigit() or char == "`" or unicodedata.category(char)[0] == "P":
            current.append(char)
        else:
            words.append("".join(current))
            current = []
        previous = char
    words.append("".join(current))
    return next((word for word in reversed(words) if word), "")
