"""Reports: snapshots, yearly review, mid-term evaluation, program-versus-agreement."""
