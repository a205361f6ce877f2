"""String tables of single pages: each module has ``EN`` and ``ZH`` dicts.

A page's module prefixes its keys with the page's name (``imbalance.title``),
except the control labels of that page's own parameters, which keep the names
:func:`focal.ui.controls.render` looks up: ``param.<key>``, ``short.<key>``,
``help.<key>``, ``option.<key>.<option>`` and ``name.<key>.<option>``. Parameter
keys are unique app-wide, so these cannot clash either; the merge in
:mod:`focal.ui.strings` raises on a key defined twice.
"""
