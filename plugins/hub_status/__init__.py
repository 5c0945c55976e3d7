"""Translation status: which translations are missing, and which are older than their original.

`history.py` is the pure core that reads the content tree's git history (no Pelican import).
"""
