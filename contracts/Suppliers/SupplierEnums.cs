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
