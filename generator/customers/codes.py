"""Personal single-use codes: an HMAC of the campaign and the e-mail, in an unambiguous alphabet."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import subprocess
from pathlib import Path

from generator.customers.alphabet import ALPHABET
from generator.customers.private import KEY_FILE, KEY_VARIABLE
from generator.errors import AppreciateError

# each byte of the HMAC picks a symbol: b % 31 favours the first 8 symbols by 9/256 against 8/256,
# a loss of under 0.01 bit per character, for a translation that runs in C
_SYMBOLS = bytes(ord(ALPHABET[b % len(ALPHABET)]) for b in range(256))


class CodeKeyError(AppreciateError):
    """No usable key: one line with a hint; exit 2."""


def personal_code(key: bytes, campaign_id: str, email: str, length: int = 10) -> str:
    """The code of ``email`` in this campaign: the same key and inputs always give the same code."""
    digest = hmac.digest(key, f"{campaign_id}\0{email.strip().lower()}".encode(), "sha256")
    return digest[:length].translate(_SYMBOLS).decode("ascii")


# what a till may type besides the code: any case, spaces and dashes between groups of symbols
_SEPARATORS = str.maketrans("", "", " \t-")


def canonical_code(typed: str) -> str | None:
    """The code as issued from what was typed (any case, spaces and dashes dropped).

    ``None`` when it cannot be a code: a symbol outside the alphabet, or nothing left.
    """
    if not typed.isascii():  # "ß".upper() is "SS": only ASCII maps to one code
        return None
    code = typed.translate(_SEPARATORS).upper()
    if not code or code.strip(ALPHABET):
        return None
    return code


def verify(code: str, email: str, campaign_id: str, key: bytes, length: int) -> bool:
    """Whether ``code`` is the personal code of ``email``, issued ``length`` characters long.

    Any spelling :func:`canonical_code` accepts counts; a prefix or a longer code does not.
    """
    given = canonical_code(code)
    if given is None or len(given) != length:
        return False
    return hmac.compare_digest(personal_code(key, campaign_id, email, length), given)


def code_digest(code: str) -> str:
    """What the record of issued codes keeps of a code: enough to recognise it, not to use it."""
    return hashlib.sha256(code.encode("ascii", errors="replace")).hexdigest()


def find_key(key_file: Path = KEY_FILE) -> bytes | None:
    """The key from $APPRECIATE_CODE_KEY, else from ``key_file``; ``None`` when there is none."""
    value = os.environ.get(KEY_VARIABLE, "").strip()
    if value:
        if len(value) < 16:
            raise CodeKeyError(
                f"${KEY_VARIABLE}: too short (hint: use at least 32 random characters)"
            )
        return value.encode()
    if key_file.is_file():
        text = key_file.read_text(encoding="utf-8").strip()
        if len(text) < 16:
            raise CodeKeyError(
                f"{key_file}: the key is too short (hint: delete it to make a new one)"
            )
        return text.encode()
    return None


def load_key(key_file: Path = KEY_FILE, *, create: bool = False) -> bytes:
    """The key from $APPRECIATE_CODE_KEY, else from ``key_file``.

    With ``create``, a missing key file is made (mode 0600) outside CI; in CI a missing key is an
    error, never a new key: codes made with a throwaway key would not verify later.
    """
    key = find_key(key_file)
    if key is not None:
        return key
    if os.environ.get("CI"):
        raise CodeKeyError(
            f"no code key: ${KEY_VARIABLE} is not set and {key_file} does not exist "
            f"(hint: set {KEY_VARIABLE} from your CI's secrets; a new key would make other codes)"
        )
    if not create:
        raise CodeKeyError(
            f"no code key in ${KEY_VARIABLE} or {key_file} (hint: run appreciate codes)"
        )
    refuse_tracked(key_file)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return load_key(key_file)


def refuse_tracked(path: Path) -> None:
    """Refuse to write a secret where git would track it (inside a work tree, not ignored)."""
    path = path.resolve()
    folder = next((p for p in path.parents if p.is_dir()), Path("/"))
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode != 0:
        return  # not in a git work tree
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", str(path)],
        cwd=top.stdout.strip(),
        capture_output=True,
        check=False,
    )
    if ignored.returncode != 0:
        raise CodeKeyError(
            f"{path}: git would track this file (hint: add its folder to .gitignore)"
        )
