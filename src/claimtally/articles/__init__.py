"""Articles: reading text, finding quantities, drafting values and measuring coverage."""
