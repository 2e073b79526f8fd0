"""Sphinx configuration of the course site (``make site``); scripts/build_site.py stages the
notebooks beside this file and runs Sphinx on them. Nothing is executed: myst-nb renders
the outputs the notebooks were committed with."""

project = "Recurrent Neural Networks in TensorFlow 2"
author = "The course's authors"
copyright = "the course's authors, MIT license"
extensions = ["myst_nb", "sphinx_design"]
exclude_patterns = ["_build"]
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
}
# MathJax 2 from the jupyter-server-mathjax wheel, copied into _static: no CDN.
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
# That copy ships the STIX web fonts only. myst-nb marks notebook sections "tex2jax_ignore"
# (so that dollar signs in outputs stay text) and the math it renders "math".
mathjax2_config = {
    "tex2jax": {
        "processClass": "tex2jax_process|mathjax_process|math|output_area",
        "ignoreClass": "tex2jax_ignore|mathjax_ignore",
    },
    "HTML-CSS": {
        "availableFonts": ["STIX"],
        "preferredFont": "STIX",
        "webFont": "STIX-Web",
        "imageFont": None,
    },
    "messageStyle": "none",
}
