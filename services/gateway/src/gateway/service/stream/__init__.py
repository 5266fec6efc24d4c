"""The live stream's fan-out: a bounded replay window and one bounded queue per connection."""
