"""Getting briefings to people and machines: email, CI reports (JUnit, ClaimReview), verdict gates."""
