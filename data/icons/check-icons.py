#!/usr/bin/env python3
# check-icons.py APP_ICON SYMBOLIC_ICON: a test of the icons (suite "data").
#
# Both must be well-formed SVG of the size their folder promises.  GTK
# recolours a symbolic icon by filling its shapes with the colour of the
# text, so the symbolic one may only fill, in #2e3436: a stroke would not
# follow the colour, and a shape with fill="none" would be filled anyway.
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'


def check_size(path, root, size):
    if root.tag != SVG + 'svg':
        return [f'{path}: the root element is not <svg>']
    if root.get('viewBox') != f'0 0 {size} {size}':
        return [f'{path}: the viewBox is "{root.get("viewBox")}", not "0 0 {size} {size}"']
    return []


def paints_of(element):
    """The fill and stroke of an element, from its attributes and its style."""
    paints = {name: element.get(name) for name in ('fill', 'stroke') if element.get(name)}
    for declaration in (element.get('style') or '').split(';'):
        name, _, value = declaration.partition(':')
        if name.strip() in ('fill', 'stroke'):
            paints[name.strip()] = value.strip()
    return paints


def check_symbolic(path, root):
    problems = []
    for element in root.iter():
        tag = element.tag.replace(SVG, '')
        for name, value in paints_of(element).items():
            if name == 'stroke' and value != 'none':
                problems.append(f'{path}: <{tag}> has a stroke; draw it as a filled shape')
            elif name == 'fill' and value.lower() != '#2e3436':
                problems.append(f'{path}: <{tag}> is filled with {value}, not #2e3436')
        if tag in ('linearGradient', 'radialGradient', 'image', 'text'):
            problems.append(f'{path}: a symbolic icon has no <{tag}>')
    return problems


def main(argv):
    if len(argv) != 3:
        sys.exit(f'usage: {argv[0]} APP_ICON SYMBOLIC_ICON')
    app_path, symbolic_path = argv[1], argv[2]
    problems = []
    try:
        app, symbolic = ET.parse(app_path).getroot(), ET.parse(symbolic_path).getroot()
    except ET.ParseError as error:
        sys.exit(f'not well-formed: {error}')
    problems += check_size(app_path, app, 128)
    problems += check_size(symbolic_path, symbolic, 16)
    problems += check_symbolic(symbolic_path, symbolic)
    if not re.search(r'-symbolic\.svg$', symbolic_path):
        problems.append(f'{symbolic_path}: the name of a symbolic icon ends in -symbolic.svg')
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
