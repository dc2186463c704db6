"""Display names for class keys we know (English, Korean). Unknown keys fall back to the key."""

KNOWN = {
    "airplane": ("airplane", "비행기"),
    "automobile": ("automobile", "자동차"),
    "bird": ("bird", "새"),
    "cat": ("cat", "고양이"),
    "deer": ("deer", "사슴"),
    "dog": ("dog", "개"),
    "frog": ("frog", "개구리"),
    "horse": ("horse", "말"),
    "ship": ("ship", "배"),
    "truck": ("truck", "트럭"),
}


def display_names(key: str) -> dict:
    en, ko = KNOWN.get(key, (key.replace("_", " "), None))
    return {"key": key, "en": en, "ko": ko or en}
