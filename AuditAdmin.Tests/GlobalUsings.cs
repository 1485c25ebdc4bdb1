// Every test uses the shared hosts, fixtures and helpers.
global using AuditAdmin.Tests.TestInfrastructure;
