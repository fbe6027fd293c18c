"""The council wing: OParl client, raw payload store, mapping, sync jobs, paper suggestions."""
