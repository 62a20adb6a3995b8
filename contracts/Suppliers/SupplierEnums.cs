using System.ComponentModel;

namespace Registry.Contracts.Suppliers;

/// <summary>Who may see a section of a supplier profile.</summary>
public enum DisclosureLevel
{
    Public,
    Members,
    Coordinators,
}

public enum SupplierStatus
{
    Draft,
    Published,
    Archived,
}

public enum VerificationStatus
{
    Unverified,
    Pending,
    Verified,
}

public enum ContractAcceptance
{
    Open,
    Limited,
    Closed,
}

public enum SupplierSort
{
    Relevance,
    Distance,
    Name,
}

[Description("How the site answered its latest order through the registry that needed an answer (observed, not declared): through an account, a response link, its own system's import, or not at all (unanswered three days after it was sent).")]
public enum OrderAnswering
{
    Account,
    Link,
    Import,
    None,
}
