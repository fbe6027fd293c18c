"""Pages of the reports wing: public (`public`) and editorial (`editor`)."""
