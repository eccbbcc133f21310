"""tarjama: offline Arabic→English translation and terminology QA.

The import package is ``translate``; the distribution and command are ``tarjama``.
"""
__version__ = "0.1.0"
