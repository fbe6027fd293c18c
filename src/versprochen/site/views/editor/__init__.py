"""The editorial pages: login, drafting and review, corrections, bulk work, administration.

None of them is public: they need a login, are never cached, and every form
carries a CSRF token.
"""
