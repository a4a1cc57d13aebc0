"""The briefing record: built from an analysed article (`build`), graded (`grades`), gated
(`gate`), written as JSON (`record.Briefing.to_json`) and read back from JSON (`parse`)."""
