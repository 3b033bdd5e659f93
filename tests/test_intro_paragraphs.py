"""A paragraph that introduces a screenshot ("In the next step you enter the cluster's
name ... choose a name of your own:") prints whole on the page of its picture, when the two
fit on one page: it was kept with the picture by its last two lines only, the rest of the
step's words left at the foot of the page before."""

from manualgen.cli import main

from .conftest import page, png_bytes, write_site
from .test_binder_pages import page_of, pages_text_and_pictures

FILLER = "Some words that only fill the page before the next step. "
STEPS = 12


def _built(tmp_path, files: dict) -> tuple[list, list[int]]:
    """The site of ``files`` with a different picture for each step (so that each is laid
    out where it is), built: the text of each page, and the page of each step's picture."""
    files = dict(files)
    for n in range(STEPS):
        files[f"static/shots/s{n}.png"] = png_bytes(1600, 900, (10 * n, 80, 120))
    root = write_site(tmp_path / "site", files)
    out = tmp_path / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--no-cache",
                 "--jobs", "1", "-q"]) == 0
    texts, pictures = pages_text_and_pictures(next(out.glob("*.pdf")))
    shots = [index for index, aspect in pictures if abs(aspect - 16 / 9) < 0.01]
    assert len(shots) == STEPS
    return texts, shots


def _body() -> str:
    parts = []
    for n in range(STEPS):
        parts.append(FILLER * (3 + 4 * n) + "\n")  # each step lower on its page than the last
        words = " ".join(f"word{n}x{i}" for i in range(40))
        parts.append(f"Begin{n} of the step: {words} and then choose End{n}:\n")
        parts.append(f"![Screen {n}](/shots/s{n}.png)\n")
    return "\n".join(parts)


def test_each_introducing_paragraph_prints_on_its_screenshots_page(tmp_path):
    files = {"content/de/_index.md": page("Start", body="Welcome.\n"),
             "content/de/guide.md": page("Anleitung", 1, _body())}
    texts, shots = _built(tmp_path, files)
    for n in range(STEPS):
        assert page_of(texts, f"Begin{n} ") == page_of(texts, f"End{n}:") == shots[n], n


def _definitions_body() -> str:
    parts = []
    for n in range(STEPS):
        parts.append(FILLER * (3 + 4 * n) + "\n")
        words = " ".join(f"word{n}x{i}" for i in range(30))
        parts.append(f"Term{n}\n: Begin{n} of what the term does: {words} as shown by End{n}:\n")
        parts.append(f": ![Screen {n}](/shots/s{n}.png)\n")
    return "\n".join(parts)


def test_a_definitions_words_print_on_the_page_of_the_picture_its_next_definition_holds(tmp_path):
    """A definition list whose term has its words in one definition and their screenshot in
    the next (``: words:`` then ``: ![shot](…)``, as a photo editor's manual writes each
    control): the term, its words and the picture share a page; the words were left at the
    foot of one page and the picture printed at the top of the next."""
    files = {"content/de/_index.md": page("Start", body="Welcome.\n"),
             "content/de/guide.md": page("Anleitung", 1, _definitions_body())}
    texts, shots = _built(tmp_path, files)
    for n in range(STEPS):
        assert (page_of(texts, f"Term{n}") == page_of(texts, f"Begin{n} ")
                == page_of(texts, f"End{n}:") == shots[n]), n


def _list_body(items: int) -> str:
    parts = []
    for n in range(STEPS):
        parts.append(FILLER * (3 + 4 * n) + "\n")
        parts.append(f"Begin{n} of the procedure, proceed as follows:\n")
        parts.append("\n".join(f"{i + 1}. Step{n}x{i} fill in the field and confirm it."
                               for i in range(items)) + "\n")
        parts.append(f"![Screen {n}](/shots/s{n}.png)\n")
    return "\n".join(parts)


def test_a_short_list_of_steps_prints_with_its_paragraph_on_its_screenshots_page(tmp_path):
    """"Proceed as follows:", three steps, then the dialog: the paragraph and the first
    steps stayed at the foot of the page before, the last step alone went with the picture."""
    files = {"content/de/_index.md": page("Start", body="Welcome.\n"),
             "content/de/guide.md": page("Anleitung", 1, _list_body(3))}
    texts, shots = _built(tmp_path, files)
    for n in range(STEPS):
        assert page_of(texts, f"Begin{n} ") == page_of(texts, f"Step{n}x0 ") == shots[n], n


def _nested_body() -> str:
    parts = []
    for n in range(STEPS):
        parts.append(FILLER * (3 + 4 * n) + "\n")
        parts.append(f"1. Begin{n} open the form and fill in each field.\n\n"
                     f"   ![Screen {n}](/shots/s{n}.png)\n\n"
                     + "".join(f"   - Sub{n}x{i} check the value.\n\n     ![Detail](/shots/d.png)\n\n"
                               for i in range(2)))
    return "\n".join(parts)


def test_a_steps_words_stay_with_its_screenshot_when_sub_steps_make_it_too_tall(tmp_path):
    """A numbered step, its screenshot, then sub-steps with screenshots of their own: too
    tall for one page, so the item is not kept whole, and its words were left at the foot
    of a page, its screenshot on the next."""
    files = {"content/de/_index.md": page("Start", body="Welcome.\n"),
             "content/de/guide.md": page("Anleitung", 1, _nested_body()),
             "static/shots/d.png": png_bytes(1200, 900, (200, 80, 40))}
    texts, shots = _built(tmp_path, files)
    for n in range(STEPS):
        assert page_of(texts, f"Begin{n} ") == shots[n], n
