#!/usr/bin/env python3
"""Edit the five .resx files of one resource family in Resources/ at once.

  scripts/resx.py set  <Family> <Key> <en> <fr> <ja> <ko> <zh-Hans>
  scripts/resx.py load <Family> <file.json>   # {"Key": {"en": "...", "fr": "...", ...}, ...}
  scripts/resx.py new  <Family>               # create the five empty files
Keys are kept sorted so that merges stay small.
"""
import json, os, sys
import xml.etree.ElementTree as ET

CULTURES = ["", "fr", "ja", "ko", "zh-Hans"]
LANGS = ["en", "fr", "ja", "ko", "zh-Hans"]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Resources")
HEADER = [("resmimetype", "text/microsoft-resx"), ("version", "2.0"),
          ("reader", "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"),
          ("writer", "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]

def path(family, culture):
    return os.path.join(ROOT, f"{family}{'.' + culture if culture else ''}.resx")

def read(p):
    if not os.path.exists(p):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(p).getroot().findall("data")}

def write(p, entries):
    root = ET.Element("root")
    for name, value in HEADER:
        h = ET.SubElement(root, "resheader", name=name)
        ET.SubElement(h, "value").text = value
    for key in sorted(entries, key=str.lower):
        d = ET.SubElement(root, "data", name=key)
        d.set("xml:space", "preserve")
        ET.SubElement(d, "value").text = entries[key]
    ET.indent(root, "  ")
    with open(p, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n')
        f.write(ET.tostring(root, encoding="unicode"))
        f.write("\n")

def apply(family, updates):
    for culture, lang in zip(CULTURES, LANGS):
        p = path(family, culture)
        entries = read(p)
        for key, texts in updates.items():
            entries[key] = texts[lang]
        write(p, entries)

def main(argv):
    if len(argv) >= 2 and argv[0] == "new":
        apply(argv[1], {})
    elif len(argv) == 8 and argv[0] == "set":
        apply(argv[1], {argv[2]: dict(zip(LANGS, argv[3:]))})
    elif len(argv) == 3 and argv[0] == "load":
        with open(argv[2], encoding="utf-8") as f:
            apply(argv[1], json.load(f))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
