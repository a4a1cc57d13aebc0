"""Getting briefings to people and machines: email, JUnit, ClaimReview, verdict gates."""
