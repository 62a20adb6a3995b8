namespace Registry.Api.Suppliers;

public static class SupplierSetup
{
    /// <summary>The capability registry: validation and the supplier store.</summary>
    public static IServiceCollection AddSuppliers(this IServiceCollection services)
    {
        services.AddSingleton<SupplierValidation>();
        services.AddSingleton<SupplierStore>();
        return services;
    }
}
