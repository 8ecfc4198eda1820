"""How answers are normalised before they are compared: :func:`normalize` for search and
true/false words, :func:`normal` for typed answers, and the endings a student may leave
after an answer (:data:`PARTICLES`)."""

from __future__ import annotations

import re
import unicodedata

# Particles and copulas a student may leave after an answer; longest first.
PARTICLES = tuple(
    sorted(
        {
            *("이", "가", "은", "는", "을", "를", "의", "와", "과", "로", "으로", "에", "에서"),
            *("이다", "다", "입니다", "이요", "요", "이에요", "예요", "이죠", "죠", "임"),
            *("이라고", "라고", "이라는", "라는", "이라고요", "라고요", "이겠죠", "겠죠"),
            *("이라고합니다", "라고합니다", "이라고한다", "라고한다", "이었다", "였다"),
            *("입니다요", "이예요", "인듯", "인것같다", "인것같아요"),
        },
        key=len,
        reverse=True,
    )
)
# Punctuation and quotes around an answer that never matter.
EDGE = "\"'`‘’“”「」『』〈〉《》.,!?;:。、…~·"
SPACE = re.compile(r"\s+")
_SPACE_BY_PUNCT = re.compile(r"\s*([^\w\s])\s*")
_NN_PREFIX = re.compile(r"^(?:torch\.)?nn\.")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def normalize(text: str) -> str:
    """Unicode NFC, case folding, white space collapsed and trimmed."""
    return SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def normal(text: str) -> str:
    """NFKC, case folded, white space collapsed, outer punctuation and quotes dropped,
    no white space beside punctuation, no ``nn.`` prefix and no trailing ``()``."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("−", "-")
    text = _HYPHEN.sub(" ", text)  # `early-stopping` is `early stopping`
    text = SPACE.sub(" ", text).strip(EDGE + " ")
    text = _SPACE_BY_PUNCT.sub(r"\1", text)
    text = _NN_PREFIX.sub("", text)
    return text.removesuffix("()").strip()
