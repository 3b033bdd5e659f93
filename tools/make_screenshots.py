#!/usr/bin/env python3
"""Draw the screenshots of the example manual (``content/static/img``).

The example manual documents "Dataloom", a made-up web portal where hospitals deliver their
yearly statistics files.  Its screenshots are drawn here with Pillow alone, so that anyone can
rebuild them and every run gives the same bytes:

- no network, no system fonts: text uses Pillow's built-in font (``ImageFont.load_default``);
  it has ASCII glyphs only, so accented letters (ä, é, à, ç, ...) are drawn as their base
  letter plus a diacritic made of lines and dots;
- all data is fixed in this file, and the one random choice (the avatar colours) uses a
  seeded ``random.Random``;
- every image is reduced to a fixed-size palette without dithering and saved with
  ``optimize=True`` and no metadata.

Screens whose labels differ between languages get one file per language (``_de``, ``_fr``,
``_it``); pictures without words get one file.

    .venv/bin/python tools/make_screenshots.py            # write content/static/img/*.png
    .venv/bin/python tools/make_screenshots.py --check    # compare with the files on disk
    .venv/bin/python tools/make_screenshots.py --out DIR  # write elsewhere
"""

from __future__ import annotations

import argparse
import functools
import io
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "content" / "static" / "img"
LANGS = ("de", "fr", "it")
PALETTE_COLOURS = 128

# ---------------------------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------------------------

WHITE = (255, 255, 255)
PAGE_BG = (244, 246, 249)
BORDER = (213, 219, 227)
TEXT = (31, 41, 51)
MUTED = (107, 119, 133)
PRIMARY = (31, 95, 173)
PRIMARY_LIGHT = (226, 236, 248)
SIDEBAR = (30, 42, 56)
SIDEBAR_ACTIVE = (47, 63, 82)
SIDEBAR_TEXT = (200, 208, 218)
CHROME = (222, 226, 232)
CHROME_DARK = (200, 205, 212)
OK = (46, 133, 64)
OK_BG = (225, 243, 229)
WARN = (163, 104, 18)
WARN_BG = (255, 241, 214)
ERR = (197, 48, 48)
ERR_BG = (253, 232, 232)
INFO_BG = (232, 240, 252)
MARKER = (224, 36, 94)
SHADOW = (226, 230, 236)

BADGE = {
    "ok": (OK, OK_BG),
    "warn": (WARN, WARN_BG),
    "err": (ERR, ERR_BG),
    "info": (PRIMARY, INFO_BG),
    "off": (MUTED, (233, 236, 240)),
}

# ---------------------------------------------------------------------------------------------
# The labels of the user interface, per language
# ---------------------------------------------------------------------------------------------

UI: dict[str, dict[str, str]] = {
    "de": {
        "nav_overview": "Übersicht",
        "nav_deliveries": "Lieferungen",
        "nav_validation": "Validierung",
        "nav_users": "Benutzer",
        "nav_settings": "Einstellungen",
        "nav_help": "Hilfe",
        "nav_logout": "Abmelden",
        "login_title": "Anmelden",
        "login_intro": "Melden Sie sich mit Ihrer beruflichen E-Mail-Adresse an.",
        "email": "E-Mail-Adresse",
        "password": "Passwort",
        "forgot": "Passwort vergessen?",
        "login_button": "Anmelden",
        "no_access": "Noch kein Zugang? Wenden Sie sich an die Administratorin Ihres Spitals.",
        "code_title": "Bestätigungscode",
        "code_text_1": "Wir haben einen 6-stelligen Code",
        "code_text_2": "an Ihr Mobiltelefon gesendet.",
        "code_valid": "Der Code ist 5 Minuten gültig.",
        "confirm": "Bestätigen",
        "resend": "Code erneut senden",
        "year": "Erhebungsjahr",
        "status": "Status",
        "in_progress": "In Bearbeitung",
        "open_errors": "Offene Fehler",
        "deadline": "Frist",
        "latest": "Letzte Lieferungen",
        "file": "Datei",
        "uploaded_on": "Hochgeladen am",
        "by": "Von",
        "valid": "Gültig",
        "errors": "Fehler",
        "checking": "In Prüfung",
        "new_delivery": "Neue Lieferung",
        "site": "Standort",
        "site_value": "Spital Nordtal, Standort Ost",
        "file_type": "Dateityp",
        "type_cases": "Fälle (CSV)",
        "drop": "Datei hierher ziehen oder klicken, um eine Datei auszuwählen",
        "drop_hint": "Höchstens 200 MB, Format .csv oder .xml",
        "cancel": "Abbrechen",
        "upload": "Hochladen",
        "received": "Lieferung empfangen",
        "size": "Grösse",
        "records": "Datensätze",
        "check": "Prüfung",
        "running": "läuft ...",
        "size_value": "18.4 MB",
        "records_value": "48'213",
        "to_validation": "Zur Validierung",
        "close": "Schliessen",
        "all": "Alle",
        "warnings": "Warnungen",
        "search": "Suchen ...",
        "line": "Zeile",
        "field": "Feld",
        "code": "Code",
        "severity": "Schweregrad",
        "message": "Meldung",
        "comment": "Kommentar",
        "error": "Fehler",
        "warning": "Warnung",
        "export": "Exportieren",
        "msg_E101": "Pflichtfeld ist leer",
        "msg_E204": "Austrittsdatum liegt vor dem Eintrittsdatum",
        "msg_W310": "Alter über 110 Jahre, bitte prüfen",
        "msg_E118": "Unbekannter Code für die Versicherungsklasse",
        "msg_W402": "Aufenthalt länger als 365 Tage",
        "cm_1": "Wird in der nächsten Lieferung korrigiert",
        "cm_2": "Alter ist korrekt (Geburtsjahr 1913)",
        "cm_3": "Langzeitpatientin, Aufenthalt bestätigt",
        "add_comment": "+ Kommentar",
        "users": "Benutzer",
        "new_user": "+ Neuer Benutzer",
        "name": "Name",
        "role": "Rolle",
        "last_login": "Letzte Anmeldung",
        "role_supplier": "Lieferant",
        "role_reviewer": "Prüfer",
        "role_admin": "Administrator",
        "active": "Aktiv",
        "invited": "Eingeladen",
        "disabled": "Deaktiviert",
        "never": "noch nie",
        "new_user_title": "Neuen Benutzer erfassen",
        "first_name": "Vorname",
        "last_name": "Nachname",
        "language": "Sprache",
        "language_value": "Deutsch",
        "role_supplier_desc": "lädt Dateien hoch und kommentiert Fehler",
        "role_reviewer_desc": "prüft Lieferungen und gibt sie frei",
        "role_admin_desc": "verwaltet die Benutzer des Spitals",
        "send_invite": "Einladung senden",
        "export_csv": "Fehlerliste als CSV",
        "export_pdf": "Fehlerliste als PDF",
        "export_comments": "Kommentare als CSV",
        "shown": "7 von 42 Meldungen",
        "page_overview": "Übersicht",
        "page_upload": "Neue Lieferung",
        "page_users": "Benutzer",
    },
    "fr": {
        "nav_overview": "Vue d'ensemble",
        "nav_deliveries": "Livraisons",
        "nav_validation": "Validation",
        "nav_users": "Utilisateurs",
        "nav_settings": "Paramètres",
        "nav_help": "Aide",
        "nav_logout": "Déconnexion",
        "login_title": "Connexion",
        "login_intro": "Connectez-vous avec votre adresse e-mail professionnelle.",
        "email": "Adresse e-mail",
        "password": "Mot de passe",
        "forgot": "Mot de passe oublié ?",
        "login_button": "Se connecter",
        "no_access": "Pas encore d'accès ? Adressez-vous à l'administratrice de votre hôpital.",
        "code_title": "Code de confirmation",
        "code_text_1": "Nous avons envoyé un code à 6 chiffres",
        "code_text_2": "sur votre téléphone mobile.",
        "code_valid": "Le code est valable 5 minutes.",
        "confirm": "Confirmer",
        "resend": "Renvoyer le code",
        "year": "Année de relevé",
        "status": "Statut",
        "in_progress": "En cours",
        "open_errors": "Erreurs ouvertes",
        "deadline": "Délai",
        "latest": "Dernières livraisons",
        "file": "Fichier",
        "uploaded_on": "Téléversé le",
        "by": "Par",
        "valid": "Valide",
        "errors": "Erreurs",
        "checking": "En contrôle",
        "new_delivery": "Nouvelle livraison",
        "site": "Site",
        "site_value": "Hôpital Nordtal, site Est",
        "file_type": "Type de fichier",
        "type_cases": "Cas (CSV)",
        "drop": "Glissez le fichier ici ou cliquez pour choisir un fichier",
        "drop_hint": "200 Mo au plus, format .csv ou .xml",
        "cancel": "Annuler",
        "upload": "Téléverser",
        "received": "Livraison reçue",
        "size": "Taille",
        "records": "Enregistrements",
        "check": "Contrôle",
        "running": "en cours ...",
        "size_value": "18,4 Mo",
        "records_value": "48 213",
        "to_validation": "Vers la validation",
        "close": "Fermer",
        "all": "Tous",
        "warnings": "Avertissements",
        "search": "Rechercher ...",
        "line": "Ligne",
        "field": "Champ",
        "code": "Code",
        "severity": "Gravité",
        "message": "Message",
        "comment": "Commentaire",
        "error": "Erreur",
        "warning": "Avertissement",
        "export": "Exporter",
        "msg_E101": "Champ obligatoire vide",
        "msg_E204": "Date de sortie antérieure à la date d'entrée",
        "msg_W310": "Âge supérieur à 110 ans, à vérifier",
        "msg_E118": "Code inconnu pour la classe d'assurance",
        "msg_W402": "Séjour de plus de 365 jours",
        "cm_1": "Sera corrigé dans la prochaine livraison",
        "cm_2": "Âge correct (née en 1913)",
        "cm_3": "Patiente de longue durée, séjour confirmé",
        "add_comment": "+ Commentaire",
        "users": "Utilisateurs",
        "new_user": "+ Nouvel utilisateur",
        "name": "Nom",
        "role": "Rôle",
        "last_login": "Dernière connexion",
        "role_supplier": "Fournisseur",
        "role_reviewer": "Contrôleur",
        "role_admin": "Administrateur",
        "active": "Actif",
        "invited": "Invité",
        "disabled": "Désactivé",
        "never": "jamais",
        "new_user_title": "Saisir un nouvel utilisateur",
        "first_name": "Prénom",
        "last_name": "Nom",
        "language": "Langue",
        "language_value": "Français",
        "role_supplier_desc": "téléverse les fichiers et commente les erreurs",
        "role_reviewer_desc": "contrôle les livraisons et les libère",
        "role_admin_desc": "gère les utilisateurs de l'hôpital",
        "send_invite": "Envoyer l'invitation",
        "export_csv": "Liste des erreurs en CSV",
        "export_pdf": "Liste des erreurs en PDF",
        "export_comments": "Commentaires en CSV",
        "shown": "7 messages sur 42",
        "page_overview": "Vue d'ensemble",
        "page_upload": "Nouvelle livraison",
        "page_users": "Utilisateurs",
    },
    "it": {
        "nav_overview": "Panoramica",
        "nav_deliveries": "Forniture",
        "nav_validation": "Validazione",
        "nav_users": "Utenti",
        "nav_settings": "Impostazioni",
        "nav_help": "Aiuto",
        "nav_logout": "Esci",
        "login_title": "Accesso",
        "login_intro": "Accedete con il vostro indirizzo e-mail professionale.",
        "email": "Indirizzo e-mail",
        "password": "Password",
        "forgot": "Password dimenticata?",
        "login_button": "Accedi",
        "no_access": "Non avete ancora un accesso? Rivolgetevi all'amministratrice del vostro ospedale.",
        "code_title": "Codice di conferma",
        "code_text_1": "Abbiamo inviato un codice di 6 cifre",
        "code_text_2": "al vostro telefono cellulare.",
        "code_valid": "Il codice è valido 5 minuti.",
        "confirm": "Conferma",
        "resend": "Invia di nuovo il codice",
        "year": "Anno di rilevazione",
        "status": "Stato",
        "in_progress": "In elaborazione",
        "open_errors": "Errori aperti",
        "deadline": "Scadenza",
        "latest": "Ultime forniture",
        "file": "File",
        "uploaded_on": "Caricato il",
        "by": "Da",
        "valid": "Valido",
        "errors": "Errori",
        "checking": "In verifica",
        "new_delivery": "Nuova fornitura",
        "site": "Sede",
        "site_value": "Ospedale Nordtal, sede Est",
        "file_type": "Tipo di file",
        "type_cases": "Casi (CSV)",
        "drop": "Trascinate qui il file o fate clic per sceglierlo",
        "drop_hint": "Al massimo 200 MB, formato .csv o .xml",
        "cancel": "Annulla",
        "upload": "Carica",
        "received": "Fornitura ricevuta",
        "size": "Dimensione",
        "records": "Record",
        "check": "Verifica",
        "running": "in corso ...",
        "size_value": "18,4 MB",
        "records_value": "48.213",
        "to_validation": "Alla validazione",
        "close": "Chiudi",
        "all": "Tutti",
        "warnings": "Avvertenze",
        "search": "Cerca ...",
        "line": "Riga",
        "field": "Campo",
        "code": "Codice",
        "severity": "Gravità",
        "message": "Messaggio",
        "comment": "Commento",
        "error": "Errore",
        "warning": "Avvertenza",
        "export": "Esporta",
        "msg_E101": "Campo obbligatorio vuoto",
        "msg_E204": "Data di uscita precedente alla data di entrata",
        "msg_W310": "Età superiore a 110 anni, da verificare",
        "msg_E118": "Codice sconosciuto per la classe assicurativa",
        "msg_W402": "Degenza superiore a 365 giorni",
        "cm_1": "Sarà corretto nella prossima fornitura",
        "cm_2": "Età corretta (nata nel 1913)",
        "cm_3": "Paziente di lunga degenza, confermato",
        "add_comment": "+ Commento",
        "users": "Utenti",
        "new_user": "+ Nuovo utente",
        "name": "Nome",
        "role": "Ruolo",
        "last_login": "Ultimo accesso",
        "role_supplier": "Fornitore",
        "role_reviewer": "Revisore",
        "role_admin": "Amministratore",
        "active": "Attivo",
        "invited": "Invitato",
        "disabled": "Disattivato",
        "never": "mai",
        "new_user_title": "Registra un nuovo utente",
        "first_name": "Nome",
        "last_name": "Cognome",
        "language": "Lingua",
        "language_value": "Italiano",
        "role_supplier_desc": "carica i file e commenta gli errori",
        "role_reviewer_desc": "verifica le forniture e le approva",
        "role_admin_desc": "gestisce gli utenti dell'ospedale",
        "send_invite": "Invia invito",
        "export_csv": "Elenco errori in CSV",
        "export_pdf": "Elenco errori in PDF",
        "export_comments": "Commenti in CSV",
        "shown": "7 di 42 messaggi",
        "page_overview": "Panoramica",
        "page_upload": "Nuova fornitura",
        "page_users": "Utenti",
    },
}

DATE_FMT = {"de": "{d:02d}.{m:02d}.{y}", "fr": "{d:02d}.{m:02d}.{y}", "it": "{d:02d}/{m:02d}/{y}"}


def date(lang: str, d: int, m: int, y: int, time: str = "") -> str:
    text = DATE_FMT[lang].format(d=d, m=m, y=y)
    return f"{text} {time}" if time else text


# ---------------------------------------------------------------------------------------------
# Text: Pillow's built-in font plus drawn diacritics
# ---------------------------------------------------------------------------------------------

# accented letter -> (base letter, diacritic)
ACCENTED = {
    "ä": ("a", "uml"),
    "ö": ("o", "uml"),
    "ü": ("u", "uml"),
    "ë": ("e", "uml"),
    "ï": ("i", "uml"),
    "Ä": ("A", "uml"),
    "Ö": ("O", "uml"),
    "Ü": ("U", "uml"),
    "é": ("e", "acute"),
    "è": ("e", "grave"),
    "ê": ("e", "circ"),
    "à": ("a", "grave"),
    "â": ("a", "circ"),
    "ç": ("c", "cedil"),
    "ô": ("o", "circ"),
    "ù": ("u", "grave"),
    "û": ("u", "circ"),
    "ì": ("i", "grave"),
    "î": ("i", "circ"),
    "ò": ("o", "grave"),
    "ó": ("o", "acute"),
    "É": ("E", "acute"),
    "È": ("E", "grave"),
    "À": ("A", "grave"),
    "Â": ("A", "circ"),
}


@functools.cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _segments(text: str) -> list[str]:
    """Split text into runs of plain characters and single accented letters."""
    out: list[str] = []
    run = ""
    for ch in text:
        if ch in ACCENTED:
            if run:
                out.append(run)
                run = ""
            out.append(ch)
        else:
            run += ch
    if run:
        out.append(run)
    return out


def text_width(text: str, size: int, bold: bool = False) -> int:
    f = font(size)
    width = 0.0
    for seg in _segments(text):
        width += f.getlength(ACCENTED[seg][0] if seg in ACCENTED else seg)
    return round(width) + (1 if bold else 0)


def _draw_mark(
    draw: ImageDraw.ImageDraw, kind: str, cx: float, top: float, base: float, size: int, fill
) -> None:
    lw = max(1, round(size * 0.085))
    gap = max(2, round(size * 0.15))
    if kind == "uml":
        d = max(2, round(size * 0.12))
        y1 = round(top - gap)
        for dx in (-max(3, size * 0.17), max(3, size * 0.17)):
            x = round(cx + dx - d / 2)
            if size < 20:  # small sizes: crisp square dots
                draw.rectangle((x, y1 - d + 1, x + d - 1, y1), fill=fill)
            else:
                draw.ellipse((x, y1 - d, x + d, y1), fill=fill)
    elif kind in ("acute", "grave"):
        y0, y1 = top - gap, top - gap - max(4, size * 0.28)
        x0, x1 = cx - size * 0.05, cx + size * 0.13
        if kind == "grave":
            x0, x1 = cx + size * 0.05, cx - size * 0.13
        draw.line((x0, y0, x1, y1), fill=fill, width=lw + 1)
    elif kind == "circ":
        y0, y1 = top - gap, top - gap - max(3, size * 0.2)
        w = max(3, size * 0.16)
        draw.line((cx - w, y0, cx, y1, cx + w, y0), fill=fill, width=lw, joint="curve")
    elif kind == "cedil":
        y0 = base
        h = size * 0.2
        draw.line((cx, y0, cx, y0 + h * 0.45), fill=fill, width=lw)
        draw.arc(
            (cx - h * 0.55, y0 + h * 0.3, cx + h * 0.35, y0 + h), 270, 140, fill=fill, width=lw
        )


def _draw_accented(
    img: Image.Image,
    draw: ImageDraw.ImageDraw,
    x: float,
    baseline: float,
    ch: str,
    size: int,
    fill,
    mark: bool = True,
) -> float:
    base, kind = ACCENTED[ch]
    f = font(size)
    if base == "i":
        # draw a dotless i: render the glyph alone and erase what lies above the x-height
        x0, y0, x1, y1 = f.getbbox("i", anchor="ls")
        xtop = f.getbbox("x", anchor="ls")[1]
        mask = Image.new("L", (x1 - x0, y1 - y0), 0)
        ImageDraw.Draw(mask).text((-x0, -y0), "i", font=f, fill=255, anchor="ls")
        cut = max(0, xtop - y0 - 1)
        mask.paste(0, (0, 0, mask.width, cut))
        draw.bitmap((round(x + x0), round(baseline + y0)), mask, fill=fill)
    else:
        draw.text((x, baseline), base, font=f, fill=fill, anchor="ls")
    if mark:
        gx0, _, gx1, _ = f.getbbox(base, anchor="ls")
        top = f.getbbox("H" if base.isupper() else "x", anchor="ls")[1]
        _draw_mark(draw, kind, x + (gx0 + gx1) / 2, baseline + top, baseline, size, fill)
    return f.getlength(base)


def text(
    img: Image.Image,
    xy: tuple[float, float],
    s: str,
    size: int = 16,
    fill=TEXT,
    bold: bool = False,
    anchor: str = "lm",
) -> int:
    """Draw s; anchor is l/m/r horizontally and m (cap-height middle) or s (baseline)."""
    draw = ImageDraw.Draw(img)
    f = font(size)
    width = text_width(s, size, bold)
    x, y = xy
    if anchor[0] == "m":
        x -= width / 2
    elif anchor[0] == "r":
        x -= width
    cap = -f.getbbox("H", anchor="ls")[1]
    baseline = y + cap / 2 if anchor[1] == "m" else y
    for dx in (0, 1) if bold else (0,):  # bold: the glyphs twice, the diacritics once
        cx = x + dx
        for seg in _segments(s):
            if seg in ACCENTED:
                cx += _draw_accented(img, draw, cx, baseline, seg, size, fill, mark=dx == 0)
            else:
                draw.text((cx, baseline), seg, font=f, fill=fill, anchor="ls")
                cx += f.getlength(seg)
    return width


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def rrect(img, box, radius=6, fill=None, outline=None, width=1):
    ImageDraw.Draw(img).rounded_rectangle(
        box, radius=radius, fill=fill, outline=outline, width=width
    )


def card(img, box, radius=8):
    x0, y0, x1, y1 = box
    rrect(img, (x0 + 1, y0 + 3, x1 + 1, y1 + 3), radius, fill=SHADOW)
    rrect(img, box, radius, fill=WHITE, outline=BORDER)


def button(img, x, y, label, kind="primary", h=40, size=16, w=None) -> tuple[int, int, int, int]:
    tw = text_width(label, size, bold=True)
    w = w or tw + 36
    box = (x, y, x + w, y + h)
    if kind == "primary":
        rrect(img, box, 6, fill=PRIMARY)
        colour = WHITE
    elif kind == "secondary":
        rrect(img, box, 6, fill=WHITE, outline=BORDER)
        colour = TEXT
    else:  # link-like
        colour = PRIMARY
    text(img, (x + w / 2, y + h / 2), label, size, colour, bold=True, anchor="mm")
    return box


def chevron(img, cx, cy, size=6, fill=MUTED, up=False):
    d = ImageDraw.Draw(img)
    s = -size if up else size
    d.line((cx - size, cy - s / 2, cx, cy + s / 2, cx + size, cy - s / 2), fill=fill, width=2)


def field(
    img, x, y, w, label, value="", placeholder=False, select=False, h=42, size=16, focus=False
):
    if label:
        text(img, (x, y + 8), label, 14, MUTED, bold=True)
        y += 24
    rrect(
        img,
        (x, y, x + w, y + h),
        5,
        fill=WHITE,
        outline=PRIMARY if focus else BORDER,
        width=2 if focus else 1,
    )
    if value:
        text(img, (x + 14, y + h / 2), value, size, MUTED if placeholder else TEXT)
    if select:
        chevron(img, x + w - 22, y + h / 2, 6)
    return y + h


def badge(img, x, ymid, label, kind, size=14) -> int:
    fg, bg = BADGE[kind]
    size = max(size, 14)
    w = text_width(label, size, bold=True) + 22
    rrect(img, (x, ymid - 13, x + w, ymid + 13), 13, fill=bg)
    text(img, (x + 11, ymid), label, size, fg, bold=True)
    return w


def marker(img, cx, cy, n, r=15):
    d = ImageDraw.Draw(img)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=MARKER, outline=WHITE, width=2)
    text(img, (cx, cy), str(n), max(14, round(r * 1.1)), WHITE, bold=True, anchor="mm")


def checkbox(img, x, ymid, checked, radio=False):
    d = ImageDraw.Draw(img)
    box = (x, ymid - 9, x + 18, ymid + 9)
    if radio:
        d.ellipse(box, fill=WHITE, outline=PRIMARY if checked else BORDER, width=2)
        if checked:
            d.ellipse((x + 5, ymid - 4, x + 13, ymid + 4), fill=PRIMARY)
    else:
        rrect(
            img,
            box,
            3,
            fill=PRIMARY if checked else WHITE,
            outline=PRIMARY if checked else BORDER,
            width=2,
        )
        if checked:
            d.line((x + 4, ymid, x + 8, ymid + 4, x + 14, ymid - 5), fill=WHITE, width=2)


def dashed_rect(img, box, colour, dash=10, gap=7, width=2):
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    for y in (y0, y1):
        x = x0
        while x < x1:
            d.line((x, y, min(x + dash, x1), y), fill=colour, width=width)
            x += dash + gap
    for x in (x0, x1):
        y = y0
        while y < y1:
            d.line((x, y, x, min(y + dash, y1)), fill=colour, width=width)
            y += dash + gap


def icon(img, kind, cx, cy, s=10, fill=SIDEBAR_TEXT):
    """Tiny line icons for the sidebar and the diagram."""
    d = ImageDraw.Draw(img)
    w = max(2, round(s / 5))
    if kind == "home":
        d.line((cx - s, cy, cx, cy - s, cx + s, cy), fill=fill, width=w)
        d.rectangle((cx - s * 0.7, cy, cx + s * 0.7, cy + s), outline=fill, width=w)
    elif kind == "upload":
        d.line((cx, cy + s * 0.4, cx, cy - s), fill=fill, width=w)
        d.line(
            (cx - s * 0.6, cy - s * 0.4, cx, cy - s, cx + s * 0.6, cy - s * 0.4), fill=fill, width=w
        )
        d.line(
            (cx - s, cy + s * 0.3, cx - s, cy + s, cx + s, cy + s, cx + s, cy + s * 0.3),
            fill=fill,
            width=w,
        )
    elif kind == "check":
        d.rectangle((cx - s, cy - s, cx + s, cy + s), outline=fill, width=w)
        d.line(
            (cx - s * 0.5, cy, cx - s * 0.1, cy + s * 0.45, cx + s * 0.55, cy - s * 0.45),
            fill=fill,
            width=w,
        )
    elif kind == "users":
        d.ellipse((cx - s * 0.45, cy - s, cx + s * 0.45, cy - s * 0.1), outline=fill, width=w)
        d.arc((cx - s, cy, cx + s, cy + s * 2), 180, 360, fill=fill, width=w)
    elif kind == "gear":
        d.ellipse((cx - s * 0.8, cy - s * 0.8, cx + s * 0.8, cy + s * 0.8), outline=fill, width=w)
        d.ellipse((cx - s * 0.3, cy - s * 0.3, cx + s * 0.3, cy + s * 0.3), fill=fill)
    elif kind == "help":
        d.ellipse((cx - s, cy - s, cx + s, cy + s), outline=fill, width=w)
        text(img, (cx, cy), "?", max(10, round(s * 1.4)), fill, bold=True, anchor="mm")
    elif kind == "logout":
        d.line((cx, cy - s, cx - s, cy - s, cx - s, cy + s, cx, cy + s), fill=fill, width=w)
        d.line((cx - s * 0.3, cy, cx + s, cy), fill=fill, width=w)
        d.line(
            (cx + s * 0.5, cy - s * 0.5, cx + s, cy, cx + s * 0.5, cy + s * 0.5), fill=fill, width=w
        )
    elif kind == "search":
        d.ellipse((cx - s * 0.8, cy - s * 0.8, cx + s * 0.4, cy + s * 0.4), outline=fill, width=w)
        d.line((cx + s * 0.3, cy + s * 0.3, cx + s, cy + s), fill=fill, width=w)
    elif kind == "comment":
        d.rounded_rectangle(
            (cx - s, cy - s * 0.8, cx + s, cy + s * 0.5),
            radius=max(2, s // 4),
            outline=fill,
            width=w,
        )
        d.line(
            (cx - s * 0.4, cy + s * 0.5, cx - s * 0.6, cy + s, cx, cy + s * 0.5), fill=fill, width=w
        )
    elif kind == "lock":
        d.arc(
            (cx - s * 0.6, cy - s * 1.1, cx + s * 0.6, cy + s * 0.1), 180, 360, fill=fill, width=w
        )
        d.line((cx - s * 0.6, cy - s * 0.5, cx - s * 0.6, cy - s * 0.1), fill=fill, width=w)
        d.line((cx + s * 0.6, cy - s * 0.5, cx + s * 0.6, cy - s * 0.1), fill=fill, width=w)
        d.rounded_rectangle(
            (cx - s, cy - s * 0.1, cx + s, cy + s), radius=max(2, s // 5), fill=fill
        )
    elif kind == "pencil":
        d.line((cx - s * 0.7, cy + s * 0.7, cx + s * 0.6, cy - s * 0.6), fill=fill, width=w + 1)
        d.line((cx - s, cy + s, cx - s * 0.7, cy + s * 0.7), fill=fill, width=w)
    elif kind == "dots":
        for dy in (-s * 0.6, 0, s * 0.6):
            d.ellipse((cx - 2, cy + dy - 2, cx + 2, cy + dy + 2), fill=fill)
    elif kind == "file":
        d.polygon(
            [
                (cx - s * 0.75, cy - s),
                (cx + s * 0.35, cy - s),
                (cx + s * 0.75, cy - s * 0.6),
                (cx + s * 0.75, cy + s),
                (cx - s * 0.75, cy + s),
            ],
            outline=fill,
            width=w,
        )
        for k in (-0.2, 0.2, 0.6):
            d.line((cx - s * 0.4, cy + s * k, cx + s * 0.4, cy + s * k), fill=fill, width=1)


def logo(img, x, y, s=30, dark=False):
    """The Dataloom mark: a small woven square."""
    d = ImageDraw.Draw(img)
    rrect(img, (x, y, x + s, y + s), 6, fill=PRIMARY)
    step = s / 4
    for i in range(1, 4):
        d.line((x + i * step, y + 5, x + i * step, y + s - 5), fill=WHITE, width=2)
    for i in range(1, 4):
        yy = y + i * step
        for j in range(4):
            if (i + j) % 2:
                d.line((x + j * step + 3, yy, x + (j + 1) * step - 3, yy), fill=WHITE, width=2)
    text(img, (x + s + 10, y + s / 2), "Dataloom", 22, WHITE if dark else TEXT, bold=True)


def table(img, x, y, w, columns, rows, row_h=46, head_h=42, size=15, zebra=False):
    """columns: [(title, width)]; a cell is a str or a tuple: ("badge", label, kind),
    ("muted", str), ("mono", str), ("link", str), ("bold", str), ("file", name), ("person", name, rgb),
    ("icons",)."""
    d = ImageDraw.Draw(img)
    total = sum(cw for _, cw in columns)
    widths = [cw * w / total for _, cw in columns]
    d.rectangle((x, y, x + w, y + head_h), fill=(238, 242, 247))
    cx = x
    for (title, _), cw in zip(columns, widths):
        text(img, (cx + 14, y + head_h / 2), title, size - 1, MUTED, bold=True)
        cx += cw
    d.line((x, y + head_h, x + w, y + head_h), fill=BORDER)
    yy = y + head_h
    for r, row in enumerate(rows):
        if zebra and r % 2:
            d.rectangle((x, yy + 1, x + w, yy + row_h), fill=(250, 251, 253))
        cx = x
        mid = yy + row_h / 2
        for cell, cw in zip(row, widths):
            if isinstance(cell, tuple):
                kind = cell[0]
                if kind == "badge":
                    badge(img, cx + 14, mid, cell[1], cell[2], size - 2)
                elif kind in ("muted", "mono"):
                    text(img, (cx + 14, mid), cell[1], size, MUTED)
                elif kind == "link":
                    text(img, (cx + 14, mid), cell[1], size, PRIMARY, bold=True)
                elif kind == "bold":
                    text(img, (cx + 14, mid), cell[1], size, TEXT, bold=True)
                elif kind == "person":  # avatar with initials, then the name
                    _, name, colour = cell
                    ImageDraw.Draw(img).ellipse((cx + 14, mid - 15, cx + 44, mid + 15), fill=colour)
                    initials = "".join(part[0] for part in name.split()[:2])
                    text(img, (cx + 29, mid), initials, 12, WHITE, bold=True, anchor="mm")
                    text(img, (cx + 56, mid), name, size, TEXT, bold=True)
                elif kind == "icons":
                    icon(img, "pencil", cx + 24, mid, 7, MUTED)
                    icon(img, "dots", cx + 54, mid, 7, MUTED)
                elif kind == "file":
                    icon(img, "file", cx + 24, mid, 8, PRIMARY)
                    text(img, (cx + 40, mid), cell[1], size, PRIMARY)
            else:
                text(img, (cx + 14, mid), cell, size, TEXT)
            cx += cw
        yy += row_h
        d.line((x, yy, x + w, yy), fill=(230, 234, 240))
    return yy


def browser(img, url: str, title: str = "Dataloom") -> int:
    """Draw browser chrome along the top; returns the y where the page starts."""
    d = ImageDraw.Draw(img)
    w = img.width
    d.rectangle((0, 0, w, 38), fill=CHROME)
    for i, colour in enumerate(((236, 95, 86), (244, 190, 79), (98, 197, 84))):
        d.ellipse((16 + i * 22, 13, 28 + i * 22, 25), fill=colour)
    rrect(img, (96, 6, 96 + 260, 44), 8, fill=(247, 248, 250))
    logo_s = 16
    rrect(img, (110, 17, 110 + logo_s, 17 + logo_s), 4, fill=PRIMARY)
    text(img, (134, 25), title, 14, TEXT)
    d.rectangle((0, 38, w, 82), fill=(247, 248, 250))
    d.line((0, 82, w, 82), fill=CHROME_DARK)
    rrect(img, (130, 46, w - 120, 74), 14, fill=WHITE, outline=BORDER)
    icon(img, "lock", 150, 61, 6, MUTED)
    text(img, (166, 60), url, 14, TEXT)
    for i in range(3):  # back, forward, reload
        d.ellipse((18 + i * 34 - 2, 52, 18 + i * 34 + 18, 72), outline=CHROME_DARK, width=2)
    return 83


def app_frame(img, lang: str, top: int, active: str, sidebar_w: int = 250) -> tuple[int, int]:
    """Top bar and sidebar of the portal; returns (x, y) of the main area."""
    t = UI[lang]
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, top, w, top + 62), fill=WHITE)
    d.line((0, top + 62, w, top + 62), fill=BORDER)
    logo(img, 22, top + 16)
    # language switch, hospital, user
    x = w - 30
    for code in ("IT", "FR", "DE"):
        current = code.lower() == lang
        tw = text_width(code, 14, bold=current)
        x -= tw
        text(img, (x, top + 31), code, 14, PRIMARY if current else MUTED, bold=current)
        if current:
            d.line((x, top + 42, x + tw, top + 42), fill=PRIMARY, width=2)
        x -= 16
    x -= 20
    name = "Anna Muster"
    x -= text_width(name, 15)
    text(img, (x, top + 31), name, 15, TEXT)
    d.ellipse((x - 44, top + 15, x - 12, top + 47), fill=(94, 129, 172))
    text(img, (x - 28, top + 31), "AM", 13, WHITE, bold=True, anchor="mm")
    hosp = UI[lang]["site_value"].split(",")[0]
    text(img, (x - 70, top + 31), hosp, 15, MUTED, anchor="rm")
    # sidebar
    d.rectangle((0, top + 63, sidebar_w, h), fill=SIDEBAR)
    items = [
        ("overview", "home"),
        ("deliveries", "upload"),
        ("validation", "check"),
        ("users", "users"),
        ("settings", "gear"),
        ("help", "help"),
    ]
    y = top + 63 + 20
    for key, ic in items:
        is_active = key == active
        if is_active:
            d.rectangle((0, y, sidebar_w, y + 46), fill=SIDEBAR_ACTIVE)
            d.rectangle((0, y, 4, y + 46), fill=(96, 165, 250))
        colour = WHITE if is_active else SIDEBAR_TEXT
        icon(img, ic, 34, y + 23, 8, colour)
        text(img, (58, y + 23), t["nav_" + key], 16, colour, bold=is_active)
        y += 50
    if h - 60 > y + 20:
        d.line((20, h - 64, sidebar_w - 20, h - 64), fill=SIDEBAR_ACTIVE)
        icon(img, "logout", 34, h - 34, 8, SIDEBAR_TEXT)
        text(img, (58, h - 34), t["nav_logout"], 16, SIDEBAR_TEXT)
    d.rectangle((sidebar_w, top + 63, w, h), fill=PAGE_BG)
    return sidebar_w + 36, top + 63 + 30


def new_image(w, h, bg=PAGE_BG) -> Image.Image:
    return Image.new("RGB", (w, h), bg)


# ---------------------------------------------------------------------------------------------
# Screens
# ---------------------------------------------------------------------------------------------


def screen_login(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1280, 800)
    top = browser(img, f"https://dataloom.example.org/{lang}/login")
    d = ImageDraw.Draw(img)
    d.rectangle((0, top, 1280, 800), fill=(232, 238, 246))
    # decorative woven stripes in the background
    for i in range(0, 1280, 64):
        d.line((i, top, i, 800), fill=(226, 233, 243), width=18)
    cw, ch = 460, 560
    x0, y0 = (1280 - cw) // 2, top + (800 - top - ch) // 2
    card(img, (x0, y0, x0 + cw, y0 + ch), 12)
    logo(img, x0 + 40, y0 + 36, 34)
    text(img, (x0 + 40, y0 + 112), t["login_title"], 28, TEXT, bold=True)
    text(img, (x0 + 40, y0 + 148), t["login_intro"], 14, MUTED)
    y = field(
        img,
        x0 + 40,
        y0 + 176,
        cw - 80,
        t["email"],
        "anna.muster@spital-nordtal.example",
        size=15,
        focus=True,
    )
    y = field(img, x0 + 40, y + 18, cw - 80, t["password"], "*" * 12, size=15)
    text(img, (x0 + cw - 40, y + 22), t["forgot"], 14, PRIMARY, anchor="rm")
    button(img, x0 + 40, y + 48, t["login_button"], h=46, w=cw - 80)
    d.line((x0 + 40, y + 124, x0 + cw - 40, y + 124), fill=BORDER)
    # the note may be long: wrap it on two lines
    words = t["no_access"].split()
    lines, line = [], ""
    for word in words:
        trial = (line + " " + word).strip()
        if text_width(trial, 14) > cw - 80 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    for i, ln in enumerate(lines):
        text(img, (x0 + 40, y + 150 + i * 22), ln, 14, MUTED)
    # language switch in the corner
    x = 1280 - 40
    for code in ("IT", "FR", "DE"):
        current = code.lower() == lang
        tw = text_width(code, 15, bold=current)
        x -= tw
        text(img, (x, top + 30), code, 15, PRIMARY if current else MUTED, bold=current)
        x -= 18
    marker(img, x0 - 26, y0 + 176 + 45, 1)
    marker(img, x0 + 26, y + 48 + 23, 2)
    return img


def screen_code(lang: str) -> Image.Image:
    """Tall: the confirmation code step as seen on a phone."""
    t = UI[lang]
    w, h = 800, 1400
    img = new_image(w, h, WHITE)
    d = ImageDraw.Draw(img)
    # phone status bar
    d.rectangle((0, 0, w, 56), fill=SIDEBAR)
    text(img, (36, 28), "09:41", 20, WHITE, bold=True)
    for i in range(4):
        d.rectangle((w - 150 + i * 12, 36 - (i + 1) * 5, w - 142 + i * 12, 36), fill=WHITE)
    rrect(img, (w - 84, 18, w - 36, 38), 4, outline=WHITE, width=2)
    d.rectangle((w - 80, 22, w - 50, 34), fill=WHITE)
    # app bar
    d.rectangle((0, 56, w, 150), fill=WHITE)
    d.line((0, 150, w, 150), fill=BORDER)
    logo(img, 36, 84, 40)
    text(img, (w - 36, 104), lang.upper(), 20, PRIMARY, bold=True, anchor="rm")
    # content
    rrect(img, (w / 2 - 70, 220, w / 2 + 70, 360), 24, fill=PRIMARY_LIGHT)
    icon(img, "lock", w / 2, 296, 34, PRIMARY)
    text(img, (w / 2, 430), t["code_title"], 40, TEXT, bold=True, anchor="mm")
    text(img, (w / 2, 492), t["code_text_1"], 24, MUTED, anchor="mm")
    text(img, (w / 2, 528), t["code_text_2"], 24, MUTED, anchor="mm")
    digits = ["4", "8", "1", "9"]
    bw, gap = 84, 18
    x = (w - 6 * bw - 5 * gap) / 2
    for i in range(6):
        filled = i < 4
        rrect(
            img,
            (x, 590, x + bw, 700),
            10,
            fill=WHITE,
            outline=PRIMARY if i == 4 else BORDER,
            width=3 if i == 4 else 2,
        )
        if filled:
            text(img, (x + bw / 2, 645), digits[i], 44, TEXT, bold=True, anchor="mm")
        if i == 4:
            d.line((x + bw / 2, 620, x + bw / 2, 670), fill=PRIMARY, width=3)
        x += bw + gap
    text(img, (w / 2, 740), t["code_valid"], 20, MUTED, anchor="mm")
    button(img, 60, 790, t["confirm"], h=72, size=26, w=w - 120)
    text(img, (w / 2, 906), t["resend"], 22, PRIMARY, bold=True, anchor="mm")
    marker(img, 40, 645, 1, 20)
    marker(img, 40, 826, 2, 20)
    # numeric keypad
    d.rectangle((0, 980, w, h), fill=(214, 218, 224))
    keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "<"]
    kw, kh = (w - 4 * 14) / 3, 80
    for i, k in enumerate(keys):
        r, c = divmod(i, 3)
        kx, ky = 14 + c * (kw + 14), 996 + r * (kh + 12)
        if k:
            rrect(img, (kx, ky + 2, kx + kw, ky + kh + 2), 10, fill=(170, 175, 184))
            rrect(img, (kx, ky, kx + kw, ky + kh), 10, fill=WHITE)
            if k == "<":
                d.polygon(
                    [
                        (kx + kw / 2 - 26, ky + kh / 2),
                        (kx + kw / 2 - 10, ky + kh / 2 - 16),
                        (kx + kw / 2 + 26, ky + kh / 2 - 16),
                        (kx + kw / 2 + 26, ky + kh / 2 + 16),
                        (kx + kw / 2 - 10, ky + kh / 2 + 16),
                    ],
                    outline=TEXT,
                    width=3,
                )
            else:
                text(img, (kx + kw / 2, ky + kh / 2), k, 36, TEXT, anchor="mm")
    d.rectangle((w / 2 - 80, h - 22, w / 2 + 80, h - 14), fill=TEXT)
    return img


def _delivery_rows(lang: str):
    t = UI[lang]
    return [
        [
            ("file", "faelle_2024.csv"),
            date(lang, 12, 3, 2025, "14:32"),
            "Anna Muster",
            ("badge", t["errors"] + " (3)", "err"),
        ],
        [
            ("file", "kosten_2024.xml"),
            date(lang, 10, 3, 2025, "09:05"),
            "Marco Bernasconi",
            ("badge", t["valid"], "ok"),
        ],
        [
            ("file", "personal_2024.csv"),
            date(lang, 7, 3, 2025, "16:48"),
            "Anna Muster",
            ("badge", t["checking"], "info"),
        ],
        [
            ("file", "faelle_2024.csv"),
            date(lang, 28, 2, 2025, "11:20"),
            "Lea Keller",
            ("badge", t["errors"] + " (17)", "err"),
        ],
        [
            ("file", "betten_2024.csv"),
            date(lang, 21, 2, 2025, "08:57"),
            "Lea Keller",
            ("badge", t["valid"], "ok"),
        ],
    ]


def screen_dashboard(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1600, 900)
    top = browser(img, f"https://dataloom.example.org/{lang}/overview")
    x, y = app_frame(img, lang, top, "overview")
    w = 1600 - x - 36
    text(img, (x, y + 14), t["page_overview"], 30, TEXT, bold=True)
    button(img, 1600 - 36 - 220, y - 4, "+ " + t["new_delivery"], w=220, h=42)
    y += 56
    cards = [
        (t["year"], "2024", None),
        (t["status"], t["in_progress"], "warn"),
        (t["open_errors"], "3", "err"),
        (t["deadline"], date(lang, 30, 4, 2025), None),
    ]
    cw = (w - 3 * 20) / 4
    for i, (label, value, kind) in enumerate(cards):
        cx = x + i * (cw + 20)
        card(img, (cx, y, cx + cw, y + 110))
        text(img, (cx + 20, y + 30), label, 14, MUTED, bold=True)
        if kind:
            badge(img, cx + 20, y + 74, value, kind, 17)
        else:
            text(img, (cx + 20, y + 74), value, 26, TEXT, bold=True)
    y += 140
    card(img, (x, y, x + w, 900 - 30))
    text(img, (x + 24, y + 32), t["latest"], 20, TEXT, bold=True)
    table(
        img,
        x + 1,
        y + 60,
        w - 2,
        [(t["file"], 3), (t["uploaded_on"], 2.2), (t["by"], 2.2), (t["status"], 2)],
        _delivery_rows(lang),
    )
    return img


def screen_upload(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1600, 900)
    top = browser(img, f"https://dataloom.example.org/{lang}/deliveries/new")
    x, y = app_frame(img, lang, top, "deliveries")
    w = 1600 - x - 36
    text(img, (x, y + 14), t["page_upload"], 30, TEXT, bold=True)
    y += 56
    card(img, (x, y, x + w, 900 - 30))
    fx = x + 32
    fw = (w - 64 - 40) / 3
    field(img, fx, y + 28, fw, t["site"], t["site_value"], select=True)
    field(img, fx + fw + 20, y + 28, fw, t["year"], "2024", select=True)
    field(img, fx + 2 * (fw + 20), y + 28, fw, t["file_type"], t["type_cases"], select=True)
    marker(img, fx + fw + 20 + fw - 6, y + 28, 1)
    dz = (fx, y + 130, x + w - 32, y + 470)
    rrect(img, dz, 10, fill=(248, 250, 253))
    dashed_rect(img, (dz[0] + 4, dz[1] + 4, dz[2] - 4, dz[3] - 4), (150, 170, 200))
    mx = (dz[0] + dz[2]) / 2
    ImageDraw.Draw(img).ellipse((mx - 42, dz[1] + 60, mx + 42, dz[1] + 144), fill=PRIMARY_LIGHT)
    icon(img, "upload", mx, dz[1] + 102, 20, PRIMARY)
    text(img, (mx, dz[1] + 196), t["drop"], 20, TEXT, bold=True, anchor="mm")
    text(img, (mx, dz[1] + 232), t["drop_hint"], 15, MUTED, anchor="mm")
    marker(img, dz[2] - 30, dz[1] + 30, 2)
    by = dz[3] + 40
    b = button(img, x + w - 32 - 170, by, t["upload"], w=170, h=44)
    button(img, b[0] - 20 - 150, by, t["cancel"], kind="secondary", w=150, h=44)
    marker(img, b[2] - 4, by - 4, 3)
    return img


def screen_upload_done(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1280, 800)
    top = browser(img, f"https://dataloom.example.org/{lang}/deliveries/8815")
    app_frame(img, lang, top, "deliveries", sidebar_w=220)
    # dim the page and show a dialog
    overlay = Image.new("RGB", img.size, (20, 28, 38))
    img = Image.blend(img, overlay, 0.45)
    d = ImageDraw.Draw(img)
    dw, dh = 620, 470
    x0, y0 = (1280 - dw) // 2, top + 70
    card(img, (x0, y0, x0 + dw, y0 + dh), 12)
    d.ellipse((x0 + 32, y0 + 30, x0 + 80, y0 + 78), fill=OK_BG)
    d.line((x0 + 44, y0 + 55, x0 + 53, y0 + 64, x0 + 69, y0 + 45), fill=OK, width=4)
    text(img, (x0 + 100, y0 + 54), t["received"], 26, TEXT, bold=True)
    # progress bar, full
    rrect(img, (x0 + 32, y0 + 110, x0 + dw - 32, y0 + 122), 6, fill=(230, 234, 240))
    rrect(img, (x0 + 32, y0 + 110, x0 + dw - 32, y0 + 122), 6, fill=OK)
    text(img, (x0 + dw - 32, y0 + 140), "100 %", 14, MUTED, anchor="rm")
    rows = [
        (t["file"], "faelle_2024.csv", None),
        (t["size"], t["size_value"], None),
        (t["records"], t["records_value"], None),
        (t["check"], t["running"], "info"),
    ]
    y = y0 + 170
    for label, value, kind in rows:
        text(img, (x0 + 32, y), label, 16, MUTED)
        if kind:
            badge(img, x0 + 240, y, value, kind, 15)
        else:
            text(img, (x0 + 240, y), value, 16, TEXT, bold=True)
        d.line((x0 + 32, y + 22, x0 + dw - 32, y + 22), fill=(232, 236, 241))
        y += 46
    b = button(img, x0 + dw - 32 - 200, y0 + dh - 70, t["to_validation"], w=200, h=44)
    button(img, b[0] - 16 - 130, y0 + dh - 70, t["close"], kind="secondary", w=130, h=44)
    marker(img, b[2] - 2, b[1] - 2, 1)
    return img


def _validation_rows(lang: str):
    t = UI[lang]
    err, warn = ("badge", t["error"], "err"), ("badge", t["warning"], "warn")
    add = ("link", t["add_comment"])
    return [
        ["1 204", ("mono", "standort_id"), ("bold", "E101"), err, t["msg_E101"], add],
        [
            "3 877",
            ("mono", "austritt_datum"),
            ("bold", "E204"),
            err,
            t["msg_E204"],
            ("muted", t["cm_1"]),
        ],
        ["5 012", ("mono", "alter"), ("bold", "W310"), warn, t["msg_W310"], ("muted", t["cm_2"])],
        ["9 455", ("mono", "versicherung"), ("bold", "E118"), err, t["msg_E118"], add],
        [
            "12 090",
            ("mono", "austritt_datum"),
            ("bold", "W402"),
            warn,
            t["msg_W402"],
            ("muted", t["cm_3"]),
        ],
        ["20 318", ("mono", "eintritt_datum"), ("bold", "E101"), err, t["msg_E101"], add],
        ["31 746", ("mono", "versicherung"), ("bold", "E118"), err, t["msg_E118"], add],
    ]


def screen_validation(lang: str) -> Image.Image:
    """Very wide: the list of validation messages, cut out of the page."""
    t = UI[lang]
    w, h = 1900, 500
    img = new_image(w, h, WHITE)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w - 1, h - 1), outline=BORDER)
    # toolbar: filter tabs, search, export
    x = 24
    for i, (label, n) in enumerate(((t["all"], 42), (t["errors"], 31), (t["warnings"], 11))):
        lab = f"{label} ({n})"
        tw = text_width(lab, 15, bold=True) + 32
        if i == 1:
            rrect(img, (x, 18, x + tw, 56), 19, fill=PRIMARY)
            text(img, (x + 16, 37), lab, 15, WHITE, bold=True)
        else:
            rrect(img, (x, 18, x + tw, 56), 19, fill=WHITE, outline=BORDER)
            text(img, (x + 16, 37), lab, 15, TEXT, bold=True)
        x += tw + 12
    marker(img, x + 6, 22, 1)
    rrect(img, (w - 24 - 160 - 20 - 340, 16, w - 24 - 160 - 20, 58), 6, fill=WHITE, outline=BORDER)
    icon(img, "search", w - 24 - 160 - 20 - 340 + 22, 37, 7, MUTED)
    text(img, (w - 24 - 160 - 20 - 340 + 40, 37), t["search"], 15, MUTED)
    button(img, w - 24 - 160, 16, t["export"], kind="secondary", w=160, h=42)
    chevron(img, w - 24 - 22, 37, 5, TEXT)
    text(img, (w - 24 - 160 - 20 - 340 - 24, 37), t["shown"], 14, MUTED, anchor="rm")
    table(
        img,
        1,
        74,
        w - 2,
        [
            (t["line"], 0.9),
            (t["field"], 1.7),
            (t["code"], 0.9),
            (t["severity"], 1.4),
            (t["message"], 4.4),
            (t["comment"], 3.8),
        ],
        _validation_rows(lang),
        row_h=54,
        head_h=44,
        size=16,
        zebra=True,
    )
    # marker 2 beside the first "add a comment" link
    comment_x = 1 + (w - 2) * (0.9 + 1.7 + 0.9 + 1.4 + 4.4) / 13.1
    marker(img, comment_x + 14 + text_width(t["add_comment"], 16, True) + 26, 74 + 44 + 27, 2)
    return img


def screen_export(lang: str) -> Image.Image:
    """Small crop: the export button with its menu open."""
    t = UI[lang]
    w, h = 900, 260
    img = new_image(w, h, PAGE_BG)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w, 80), fill=WHITE)
    d.line((0, 80, w, 80), fill=BORDER)
    rrect(img, (40, 19, 400, 61), 6, fill=WHITE, outline=BORDER)
    icon(img, "search", 62, 40, 7, MUTED)
    text(img, (80, 40), t["search"], 15, MUTED)
    b = button(img, w - 40 - 200, 19, t["export"], kind="secondary", w=200, h=42)
    chevron(img, b[2] - 22, 40, 5, TEXT, up=True)
    mx0, my0, mx1 = w - 40 - 340, 72, w - 40
    items = [
        ("file", t["export_csv"]),
        ("file", t["export_pdf"]),
        ("comment", t["export_comments"]),
    ]
    my1 = my0 + 16 + len(items) * 50
    rrect(img, (mx0 + 2, my0 + 4, mx1 + 2, my1 + 4), 8, fill=(210, 216, 224))
    rrect(img, (mx0, my0, mx1, my1), 8, fill=WHITE, outline=BORDER)
    for i, (ic, label) in enumerate(items):
        iy = my0 + 8 + i * 50
        if i == 0:
            d.rectangle((mx0 + 1, iy, mx1 - 1, iy + 50), fill=PRIMARY_LIGHT)
        icon(img, ic, mx0 + 30, iy + 25, 9, PRIMARY)
        text(img, (mx0 + 54, iy + 25), label, 16, TEXT, bold=i == 0)
    marker(img, mx0 - 22, my0 + 8 + 25, 1)
    return img


def _user_rows(lang: str):
    t = UI[lang]
    people = [
        ("Anna Muster", "anna.muster", "role_admin", "active", (12, 3, 2025, "14:02")),
        ("Marco Bernasconi", "m.bernasconi", "role_supplier", "active", (10, 3, 2025, "08:51")),
        ("Lea Keller", "lea.keller", "role_reviewer", "active", (3, 3, 2025, "17:30")),
        ("Chloé Favre", "chloe.favre", "role_supplier", "invited", None),
        ("Jonas Widmer", "j.widmer", "role_supplier", "disabled", (14, 11, 2024, "10:12")),
        ("Giulia Rossi", "giulia.rossi", "role_reviewer", "active", (28, 2, 2025, "13:44")),
    ]
    status_kind = {"active": "ok", "invited": "info", "disabled": "off"}
    # avatar colours come from a seeded generator: the same in every run and language
    rng = random.Random(1404)
    rows = []
    for name, mailbox, role, status, seen in people:
        colour = tuple(rng.randrange(70, 180) for _ in range(3))
        rows.append(
            [
                ("person", name, colour),
                f"{mailbox}@spital-nordtal.example",
                t[role],
                ("badge", t[status], status_kind[status]),
                date(lang, *seen) if seen else ("muted", t["never"]),
                ("icons",),
            ]
        )
    return rows


def screen_users(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1600, 900)
    top = browser(img, f"https://dataloom.example.org/{lang}/users")
    x, y = app_frame(img, lang, top, "users")
    w = 1600 - x - 36
    text(img, (x, y + 14), t["page_users"], 30, TEXT, bold=True)
    b = button(img, 1600 - 36 - 230, y - 4, t["new_user"], w=230, h=42)
    marker(img, b[0] - 4, b[1] + 2, 1)
    y += 56
    card(img, (x, y, x + w, 900 - 30))
    rrect(img, (x + 24, y + 20, x + 420, y + 60), 6, fill=WHITE, outline=BORDER)
    icon(img, "search", x + 46, y + 40, 7, MUTED)
    text(img, (x + 64, y + 40), t["search"], 15, MUTED)
    rows = _user_rows(lang)
    table(
        img,
        x + 1,
        y + 80,
        w - 2,
        [
            (t["name"], 2.2),
            (t["email"], 3.4),
            (t["role"], 1.6),
            (t["status"], 1.5),
            (t["last_login"], 1.9),
            ("", 0.8),
        ],
        rows,
        row_h=58,
    )
    last = y + 80 + 42 + 4 * 58 + 29
    marker(img, x + w - 30, last - 22, 2)
    return img


def screen_user_new(lang: str) -> Image.Image:
    t = UI[lang]
    img = new_image(1280, 800)
    top = browser(img, f"https://dataloom.example.org/{lang}/users/new")
    app_frame(img, lang, top, "users", sidebar_w=220)
    overlay = Image.new("RGB", img.size, (20, 28, 38))
    img = Image.blend(img, overlay, 0.45)
    dw, dh = 680, 640
    x0, y0 = (1280 - dw) // 2, top + 20
    card(img, (x0, y0, x0 + dw, y0 + dh), 12)
    d = ImageDraw.Draw(img)
    text(img, (x0 + 32, y0 + 40), t["new_user_title"], 24, TEXT, bold=True)
    d.line((x0 + dw - 50, y0 + 30, x0 + dw - 32, y0 + 48), fill=MUTED, width=2)
    d.line((x0 + dw - 50, y0 + 48, x0 + dw - 32, y0 + 30), fill=MUTED, width=2)
    d.line((x0, y0 + 76, x0 + dw, y0 + 76), fill=BORDER)
    fw = (dw - 64 - 20) / 2
    field(img, x0 + 32, y0 + 92, fw, t["first_name"], "Chloé")
    field(img, x0 + 32 + fw + 20, y0 + 92, fw, t["last_name"], "Favre")
    field(
        img,
        x0 + 32,
        y0 + 184,
        fw,
        t["email"],
        "chloe.favre@spital-nordtal.example",
        size=14,
        focus=True,
    )
    field(img, x0 + 32 + fw + 20, y0 + 184, fw, t["language"], t["language_value"], select=True)
    text(img, (x0 + 32, y0 + 288), t["role"], 14, MUTED, bold=True)
    roles = [("role_supplier", True), ("role_reviewer", False), ("role_admin", False)]
    y = y0 + 310
    for key, on in roles:
        rrect(
            img,
            (x0 + 32, y, x0 + dw - 32, y + 62),
            8,
            fill=PRIMARY_LIGHT if on else WHITE,
            outline=PRIMARY if on else BORDER,
        )
        checkbox(img, x0 + 50, y + 31, on, radio=True)
        text(img, (x0 + 84, y + 21), t[key], 16, TEXT, bold=True)
        text(img, (x0 + 84, y + 43), t[key + "_desc"], 14, MUTED)
        y += 74
    marker(img, x0 + dw - 20, y0 + 310 + 31, 1)
    d.line((x0, y0 + dh - 84, x0 + dw, y0 + dh - 84), fill=BORDER)
    b = button(img, x0 + dw - 32 - 220, y0 + dh - 64, t["send_invite"], w=220, h=44)
    button(img, b[0] - 16 - 140, y0 + dh - 64, t["cancel"], kind="secondary", w=140, h=44)
    marker(img, b[2] - 2, b[1] - 2, 2)
    return img


def picture_workflow() -> Image.Image:
    """Language-neutral diagram of the four phases of a delivery, without words."""
    w, h = 1400, 360
    img = new_image(w, h, WHITE)
    d = ImageDraw.Draw(img)
    steps = [
        ("upload", PRIMARY),
        ("check", (122, 90, 180)),
        ("comment", (196, 120, 20)),
        ("lock", OK),
    ]
    bw, gap = 250, 100
    x = (w - 4 * bw - 3 * gap) / 2
    for i, (ic, colour) in enumerate(steps):
        light = tuple(round(c + (255 - c) * 0.85) for c in colour)
        rrect(img, (x, 60, x + bw, 300), 18, fill=light, outline=colour, width=3)
        d.ellipse((x + bw / 2 - 60, 110, x + bw / 2 + 60, 230), fill=WHITE, outline=colour, width=3)
        icon(img, ic, x + bw / 2, 170, 30, colour)
        d.ellipse((x - 18, 42, x + 30, 90), fill=colour)
        text(img, (x + 6, 66), str(i + 1), 24, WHITE, bold=True, anchor="mm")
        if i < 3:
            ax = x + bw + 16
            d.line((ax, 180, ax + gap - 40, 180), fill=MUTED, width=5)
            d.polygon(
                [(ax + gap - 32, 180), (ax + gap - 48, 166), (ax + gap - 48, 194)], fill=MUTED
            )
        x += bw + gap
    # return arrow from phase 3 back to phase 1: a correction means a new delivery
    x1 = (w - 4 * bw - 3 * gap) / 2 + bw / 2
    x3 = x1 + 2 * (bw + gap)
    d.line((x3, 300, x3, 336, x1, 336, x1, 312), fill=ERR, width=4)
    d.polygon([(x1, 302), (x1 - 11, 318), (x1 + 11, 318)], fill=ERR)
    return img


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

PER_LANGUAGE = {
    "login": screen_login,
    "code": screen_code,
    "dashboard": screen_dashboard,
    "upload": screen_upload,
    "upload_done": screen_upload_done,
    "validation": screen_validation,
    "export": screen_export,
    "users": screen_users,
    "user_new": screen_user_new,
}
NEUTRAL = {
    "workflow": picture_workflow,
}


def encode(img: Image.Image) -> bytes:
    """Palette PNG: few colours, no dithering, no metadata; deterministic."""
    pal = img.convert("RGB").quantize(
        colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    buf = io.BytesIO()
    pal.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def render_all() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for name, fn in PER_LANGUAGE.items():
        for lang in LANGS:
            out[f"{name}_{lang}.png"] = encode(fn(lang))
    for name, fn in NEUTRAL.items():
        out[f"{name}.png"] = encode(fn())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file on disk differs"
    )
    args = parser.parse_args(argv)
    images = render_all()
    if args.check:
        stale = [
            n
            for n, data in images.items()
            if not (args.out / n).is_file() or (args.out / n).read_bytes() != data
        ]
        for name in stale:
            print(f"differs: {args.out / name}", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, data in sorted(images.items()):
        (args.out / name).write_bytes(data)
        total += len(data)
    print(f"{len(images)} images, {total / 1024:.0f} KiB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
