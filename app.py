"""Entry point of ``streamlit run app.py``: the code is in ``focal.ui.entry``."""

from focal.ui.entry import main

main()
