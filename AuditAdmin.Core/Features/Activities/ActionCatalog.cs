// The action catalog of the reference system (GROWI v8, 188 stored values), as data in one place.
// Source: shared/reference/growi-actions.csv; categories use its repaired "category" column.
namespace AuditAdmin.Core.Features.Activities;

/// <summary>Size groups an action belongs to. Essential actions are always recorded.</summary>
[Flags]
public enum ActionGroups
{
    None = 0,
    Small = 1,
    Medium = 2,
    Large = 4,
    Essential = 8,

    /// <summary>
    /// The chain of custody (DESIGN 8.10): who requested, received, verified or removed audit data, who changed whose
    /// rights. Recorded and searchable whatever the configuration says, the audit log disabled included.
    /// </summary>
    Custody = 16,
}

/// <summary>Dropdown categories of the action selector.</summary>
public enum ActionCategory
{
    Page,
    Comment,
    Tag,
    Attachment,
    ShareLink,
    InAppNotification,
    Search,
    User,
    Admin,
    Export,
    Vault,
    Other,
}

public sealed record ActionDefinition(string Value, ActionCategory Category, ActionGroups Groups);

/// <summary>Stored action values. The value, not the constant name, is what the database and the API carry.</summary>
public static class SupportedActions
{
    public const string Unsettled = "UNSETTLED";
    public const string UserRegistrationApprovalRequest = "USER_REGISTRATION_APPROVAL_REQUEST";
    public const string UserRegistrationSuccess = "USER_REGISTRATION_SUCCESS";
    public const string UserLoginWithLocal = "USER_LOGIN_WITH_LOCAL";
    public const string UserLoginWithLdap = "USER_LOGIN_WITH_LDAP";
    public const string UserLoginWithGoogle = "USER_LOGIN_WITH_GOOGLE";
    public const string UserLoginWithGithub = "USER_LOGIN_WITH_GITHUB";
    public const string UserLoginWithOidc = "USER_LOGIN_WITH_OIDC";
    public const string UserLoginWithSaml = "USER_LOGIN_WITH_SAML";
    public const string UserLoginFailure = "USER_LOGIN_FAILURE";
    public const string UserLogout = "USER_LOGOUT";
    public const string UserFogotPassword = "USER_FOGOT_PASSWORD";
    public const string UserResetPassword = "USER_RESET_PASSWORD";
    public const string UserPersonalSettingsUpdate = "USER_PERSONAL_SETTINGS_UPDATE";
    public const string UserImageTypeUpdate = "USER_IMAGE_TYPE_UPDATE";
    public const string UserLdapAccountAssociate = "USER_LDAP_ACCOUNT_ASSOCIATE";
    public const string UserLdapAccountDisconnect = "USER_LDAP_ACCOUNT_DISCONNECT";
    public const string UserPasswordUpdate = "USER_PASSWORD_UPDATE";
    public const string UserAccessTokenCreate = "USER_ACCESS_TOKEN_CREATE";
    public const string UserAccessTokenDelete = "USER_ACCESS_TOKEN_DELETE";
    public const string UserEditorSettingsUpdate = "USER_EDITOR_SETTINGS_UPDATE";
    public const string UserInAppNotificationSettingsUpdate = "USER_IN_APP_NOTIFICATION_SETTINGS_UPDATE";
    public const string PageView = "PAGE_VIEW";
    public const string PageUserHomeView = "PAGE_USER_HOME_VIEW";
    public const string PageForbidden = "PAGE_FORBIDDEN";
    public const string PageNotFound = "PAGE_NOT_FOUND";
    public const string PageNotCreatable = "PAGE_NOT_CREATABLE";
    public const string PageLike = "PAGE_LIKE";
    public const string PageUnlike = "PAGE_UNLIKE";
    public const string PageBookmark = "PAGE_BOOKMARK";
    public const string PageUnbookmark = "PAGE_UNBOOKMARK";
    public const string PageCreate = "PAGE_CREATE";
    public const string PageUpdate = "PAGE_UPDATE";
    public const string PageRename = "PAGE_RENAME";
    public const string PageDuplicate = "PAGE_DUPLICATE";
    public const string PageDelete = "PAGE_DELETE";
    public const string PageDeleteCompletely = "PAGE_DELETE_COMPLETELY";
    public const string PageRevert = "PAGE_REVERT";
    public const string PageEmptyTrash = "PAGE_EMPTY_TRASH";
    public const string PageRecursivelyRename = "PAGE_RECURSIVELY_RENAME";
    public const string PageRecursivelyDelete = "PAGE_RECURSIVELY_DELETE";
    public const string PageRecursivelyDeleteCompletely = "PAGE_RECURSIVELY_DELETE_COMPLETELY";
    public const string PageRecursivelyRevert = "PAGE_RECURSIVELY_REVERT";
    public const string PageSubscribe = "PAGE_SUBSCRIBE";
    public const string PageUnsubscribe = "PAGE_UNSUBSCRIBE";
    public const string PageExport = "PAGE_EXPORT";
    public const string TagUpdate = "TAG_UPDATE";
    public const string InAppNotificationAllStatusesOpen = "IN_APP_NOTIFICATION_ALL_STATUSES_OPEN";
    public const string CommentCreate = "COMMENT_CREATE";
    public const string CommentUpdate = "COMMENT_UPDATE";
    public const string CommentRemove = "COMMENT_REMOVE";
    public const string CommentMention = "COMMENT_MENTION";
    public const string ShareLinkCreate = "SHARE_LINK_CREATE";
    public const string ShareLinkDelete = "SHARE_LINK_DELETE";
    public const string ShareLinkDeleteByPage = "SHARE_LINK_DELETE_BY_PAGE";
    public const string ShareLinkAllDelete = "SHARE_LINK_ALL_DELETE";
    public const string ShareLinkPageView = "SHARE_LINK_PAGE_VIEW";
    public const string ShareLinkExpiredPageView = "SHARE_LINK_EXPIRED_PAGE_VIEW";
    public const string ShareLinkNotFound = "SHARE_LINK_NOT_FOUND";
    public const string AttachmentAdd = "ATTACHMENT_ADD";
    public const string AttachmentRemove = "ATTACHMENT_REMOVE";
    public const string AttachmentDownload = "ATTACHMENT_DOWNLOAD";
    public const string SearchPage = "SEARCH_PAGE";
    public const string SearchPageView = "SEARCH_PAGE_VIEW";
    public const string AdminAppSettingsUpdate = "ADMIN_APP_SETTING_UPDATE";
    public const string AdminAiSettingUpdate = "ADMIN_AI_SETTING_UPDATE";
    public const string AdminAiModelCatalogRefresh = "ADMIN_AI_MODEL_CATALOG_REFRESH";
    public const string AdminSiteUrlUpdate = "ADMIN_SITE_URL_UPDATE";
    public const string AdminMailSmtpUpdate = "ADMIN_MAIL_SMTP_UPDATE";
    public const string AdminMailSesUpdate = "ADMIN_MAIL_SES_UPDATE";
    public const string AdminMailOauth2Update = "ADMIN_MAIL_OAUTH2_UPDATE";
    public const string AdminMailTestSubmit = "ADMIN_MAIL_TEST_SUBMIT";
    public const string AdminFileUploadConfigUpdate = "ADMIN_FILE_UPLOAD_CONFIG_UPDATE";
    public const string AdminAttachmentDispositionUpdate = "ADMIN_ATTACHMENT_DISPOSITION_UPDATE";
    public const string AdminPageBulkExportSettingsUpdate = "ADMIN_PAGE_BULK_EXPORT_SETTINGS_UPDATE";
    public const string AdminMaintenancemodeEnabled = "ADMIN_MAINTENANCEMODE_ENABLED";
    public const string AdminMaintenancemodeDisabled = "ADMIN_MAINTENANCEMODE_DISABLED";
    public const string AdminSecuritySettingsUpdate = "ADMIN_SECURITY_SETTINGS_UPDATE";
    public const string AdminPermitShareLink = "ADMIN_PERMIT_SHARE_LINK";
    public const string AdminRejectShareLink = "ADMIN_REJECT_SHARE_LINK";
    public const string AdminAuthIdPassEnabled = "ADMIN_AUTH_ID_PASS_ENABLED";
    public const string AdminAuthIdPassDisabled = "ADMIN_AUTH_ID_PASS_DISABLED";
    public const string AdminAuthIdPassUpdate = "ADMIN_AUTH_ID_PASS_UPDATE";
    public const string AdminAuthLdapEnabled = "ADMIN_AUTH_LDAP_ENABLED";
    public const string AdminAuthLdapDisabled = "ADMIN_AUTH_LDAP_DISABLED";
    public const string AdminAuthLdapUpdate = "ADMIN_AUTH_LDAP_UPDATE";
    public const string AdminAuthSamlEnabled = "ADMIN_AUTH_SAML_ENABLED";
    public const string AdminAuthSamlDisabled = "ADMIN_AUTH_SAML_DISABLED";
    public const string AdminAuthSamlUpdate = "ADMIN_AUTH_SAML_UPDATE";
    public const string AdminAuthOidcEnabled = "ADMIN_AUTH_OIDC_ENABLED";
    public const string AdminAuthOidcDisabled = "ADMIN_AUTH_OIDC_DISABLED";
    public const string AdminAuthOidcUpdate = "ADMIN_AUTH_OIDC_UPDATE";
    public const string AdminAuthGoogleEnabled = "ADMIN_AUTH_GOOGLE_ENABLED";
    public const string AdminAuthGoogleDisabled = "ADMIN_AUTH_GOOGLE_DISABLED";
    public const string AdminAuthGoogleUpdate = "ADMIN_AUTH_GOOGLE_UPDATE";
    public const string AdminAuthGithubEnabled = "ADMIN_AUTH_GITHUB_ENABLED";
    public const string AdminAuthGithubDisabled = "ADMIN_AUTH_GITHUB_DISABLED";
    public const string AdminAuthGithubUpdate = "ADMIN_AUTH_GITHUB_UPDATE";
    public const string AdminMarkdownLineBreakUpdate = "ADMIN_MARKDOWN_LINE_BREAK_UPDATE";
    public const string AdminMarkdownIndentUpdate = "ADMIN_MARKDOWN_INDENT_UPDATE";
    public const string AdminMarkdownPresentationUpdate = "ADMIN_MARKDOWN_PRESENTATION_UPDATE";
    public const string AdminMarkdownXssUpdate = "ADMIN_MARKDOWN_XSS_UPDATE";
    public const string AdminLayoutUpdate = "ADMIN_LAYOUT_UPDATE";
    public const string AdminThemeUpdate = "ADMIN_THEME_UPDATE";
    public const string AdminSidebarUpdate = "ADMIN_SIDEBAR_UPDATE";
    public const string AdminFunctionUpdate = "ADMIN_FUNCTION_UPDATE";
    public const string AdminCodeHighlightUpdate = "ADMIN_CODE_HIGHLIGHT_UPDATE";
    public const string AdminCustomTitleUpdate = "ADMIN_CUSTOM_TITLE_UPDATE";
    public const string AdminCustomNoscriptUpdate = "ADMIN_CUSTOM_NOSCRIPT_UPDATE";
    public const string AdminCustomCssUpdate = "ADMIN_CUSTOM_CSS_UPDATE";
    public const string AdminCustomScriptUpdate = "ADMIN_CUSTOM_SCRIPT_UPDATE";
    public const string AdminArchiveDataUpload = "ADMIN_ARCHIVE_DATA_UPLOAD";
    public const string AdminGrowiDataImported = "ADMIN_GROWI_DATA_IMPORTED";
    public const string AdminUploadedGrowiDataDiscarded = "ADMIN_UPLOADED_GROWI_DATA_DISCARDED";
    public const string AdminArchiveDataCreate = "ADMIN_ARCHIVE_DATA_CREATE";
    public const string AdminArchiveDataDownload = "ADMIN_ARCHIVE_DATA_DOWNLOAD";
    public const string AdminArchiveDataDelete = "ADMIN_ARCHIVE_DATA_DELETE";
    public const string AdminUserNotificationSettingsAdd = "ADMIN_USER_NOTIFICATION_SETTINGS_ADD";
    public const string AdminUserNotificationSettingsDelete = "ADMIN_USER_NOTIFICATION_SETTINGS_DELETE";
    public const string AdminGlobalNotificationSettingsAdd = "ADMIN_GLOBAL_NOTIFICATION_SETTINGS_ADD";
    public const string AdminGlobalNotificationSettingsUpdate = "ADMIN_GLOBAL_NOTIFICATION_SETTINGS_UPDATE";
    public const string AdminNotificationGrantSettingsUpdate = "ADMIN_NOTIFICATION_GRANT_SETTINGS_UPDATE";
    public const string AdminGlobalNotificationSettingsEnabled = "ADMIN_GLOBAL_NOTIFICATION_SETTINGS_ENABLED";
    public const string AdminGlobalNotificationSettingsDisabled = "ADMIN_GLOBAL_NOTIFICATION_SETTINGS_DISABLED";
    public const string AdminGlobalNotificationSettingsDelete = "ADMIN_GLOBAL_NOTIFICATION_SETTINGS_DELETE";
    public const string AdminSlackWorkspaceCreate = "ADMIN_SLACK_WORKSPACE_CREATE";
    public const string AdminSlackWorkspaceDelete = "ADMIN_SLACK_WORKSPACE_DELETE";
    public const string AdminSlackBotTypeUpdate = "ADMIN_SLACK_BOT_TYPE_UPDATE";
    public const string AdminSlackBotTypeDelete = "ADMIN_SLACK_BOT_TYPE_DELETE";
    public const string AdminSlackAccessTokenRegenerate = "ADMIN_SLACK_ACCESS_TOKEN_REGENERATE";
    public const string AdminSlackMakeAppPrimary = "ADMIN_SLACK_MAKE_APP_PRIMARY";
    public const string AdminSlackPermissionUpdate = "ADMIN_SLACK_PERMISSION_UPDATE";
    public const string AdminSlackProxyUriUpdate = "ADMIN_SLACK_PROXY_URI_UPDATE";
    public const string AdminSlackRelationTest = "ADMIN_SLACK_RELATION_TEST";
    public const string AdminSlackWithoutProxySettingsUpdate = "ADMIN_SLACK_WITHOUT_PROXY_SETTINGS_UPDATE";
    public const string AdminSlackWithoutProxyPermissionUpdate = "ADMIN_SLACK_WITHOUT_PROXY_PERMISSION_UPDATE";
    public const string AdminSlackWithoutProxyTest = "ADMIN_SLACK_WITHOUT_PROXY_TEST";
    public const string AdminSlackConfigurationSettingUpdate = "ADMIN_SLACK_CONFIGURATION_SETTING_UPDATE";
    public const string AdminUsersInvite = "ADMIN_USERS_INVITE";
    public const string AdminUsersPasswordReset = "ADMIN_USERS_PASSWORD_RESET";
    public const string AdminUsersActivate = "ADMIN_USERS_ACTIVATE";
    public const string AdminUsersDeactivate = "ADMIN_USERS_DEACTIVATE";
    public const string AdminUsersGrantAdmin = "ADMIN_USERS_GRANT_ADMIN";
    public const string AdminUsersRevokeAdmin = "ADMIN_USERS_REVOKE_ADMIN";
    public const string AdminUsersGrantReadOnly = "ADMIN_USERS_GRANT_READ_ONLY";
    public const string AdminUsersRevokeReadOnly = "ADMIN_USERS_REVOKE_READ_ONLY";
    public const string AdminUsersSendInvitationEmail = "ADMIN_USERS_SEND_INVITATION_EMAIL";
    public const string AdminUsersRemove = "ADMIN_USERS_REMOVE";
    public const string AdminUserGroupCreate = "ADMIN_USER_GROUP_CREATE";
    public const string AdminUserGroupUpdate = "ADMIN_USER_GROUP_UPDATE";
    public const string AdminUserGroupDelete = "ADMIN_USER_GROUP_DELETE";
    public const string AdminUserGroupAddUser = "ADMIN_USER_GROUP_ADD_USER";
    public const string AdminSearchConnection = "ADMIN_SEARCH_CONNECTION";
    public const string AdminSearchIndicesNormalize = "ADMIN_SEARCH_INDICES_NORMALIZE";
    public const string AdminSearchIndicesRebuild = "ADMIN_SEARCH_INDICES_REBUILD";
    public const string AdminSearchAuditlogIndicesNormalize = "ADMIN_SEARCH_AUDITLOG_INDICES_NORMALIZE";
    public const string AdminSearchAuditlogIndicesRebuild = "ADMIN_SEARCH_AUDITLOG_INDICES_REBUILD";
    public const string PageBulkExportCompleted = "PAGE_BULK_EXPORT_COMPLETED";
    public const string PageBulkExportFailed = "PAGE_BULK_EXPORT_FAILED";
    public const string PageBulkExportJobExpired = "PAGE_BULK_EXPORT_JOB_EXPIRED";
    public const string AuditLogBulkExportCompleted = "AUDIT_LOG_BULK_EXPORT_COMPLETED";
    public const string AuditLogBulkExportFailed = "AUDIT_LOG_BULK_EXPORT_FAILED";
    public const string AuditLogBulkExportJobExpired = "AUDIT_LOG_BULK_EXPORT_JOB_EXPIRED";
    public const string AuditLogBulkExportNoResults = "ACTION_AUDIT_LOG_BULK_EXPORT_NO_RESULTS";
    public const string VaultClonePrepare = "VAULT_CLONE_PREPARE";
    public const string VaultCloneComplete = "VAULT_CLONE_COMPLETE";
    public const string VaultAuthFailure = "VAULT_AUTH_FAILURE";
    public const string VaultWipe = "vault.wipe";
    public const string VaultResilienceBootstrapStarted = "vault.resilience.bootstrap-started";
    public const string VaultResilienceBootstrapCompleted = "vault.resilience.bootstrap-completed";
    public const string VaultResilienceBootstrapFailed = "vault.resilience.bootstrap-failed";
    public const string VaultResilienceCompletenessCheckFailed = "vault.resilience.completeness-check-failed";
    public const string VaultResilienceRetryScheduled = "vault.resilience.retry-scheduled";
    public const string VaultResilienceRetryFailed = "vault.resilience.retry-failed";
    public const string VaultResilienceRetryEscalated = "vault.resilience.retry-escalated";
    public const string VaultResilienceRetryAborted = "vault.resilience.retry-aborted";
    public const string VaultResilienceForceWarningActive = "vault.resilience.force-warning-active";
    public const string VaultResilienceStaleRunningDetected = "vault.resilience.stale-running-detected";
    public const string VaultResilienceDriftSweepStarted = "vault.resilience.drift-sweep-started";
    public const string VaultResilienceDriftDetected = "vault.resilience.drift-detected";
    public const string VaultResilienceDriftRepaired = "vault.resilience.drift-repaired";
    public const string VaultResilienceDriftSweepFailed = "vault.resilience.drift-sweep-failed";
    public const string VaultResilienceDriftSweepOutOfScope = "vault.resilience.drift-sweep-out-of-scope";
    public const string VaultReconcileStarted = "vault.reconcile.started";
    public const string VaultReconcileCompleted = "vault.reconcile.completed";
    public const string VaultReconcileFailed = "vault.reconcile.failed";
    public const string VaultReconcileRejected = "vault.reconcile.rejected";
    public const string VaultReconcilePartialAclFiltered = "vault.reconcile.partial-acl-filtered";

    // AuditAdmin's own actions (GROWI has none that fit): the rest of the chain of custody.
    public const string AuditLogBulkExportRequested = "AUDIT_LOG_BULK_EXPORT_REQUESTED";
    public const string AuditLogBulkExportRestarted = "AUDIT_LOG_BULK_EXPORT_RESTARTED";
    public const string AuditLogBulkExportCancelled = "AUDIT_LOG_BULK_EXPORT_CANCELLED";
    public const string AuditLogBulkExportRemoved = "AUDIT_LOG_BULK_EXPORT_REMOVED";
    public const string AuditLogBulkExportVerified = "AUDIT_LOG_BULK_EXPORT_VERIFIED";
    public const string AuditLogRetentionRun = "AUDIT_LOG_RETENTION_RUN";
    public const string AuditLogIngested = "AUDIT_LOG_INGESTED";
    public const string AdminUsersGrantAuditor = "ADMIN_USERS_GRANT_AUDITOR";
    public const string AdminUsersRevokeAuditor = "ADMIN_USERS_REVOKE_AUDITOR";
    public const string AdminUsersUnlock = "ADMIN_USERS_UNLOCK";
}

public static class ActionCatalog
{
    /// <summary>The reference system's own actions (GROWI), in its declaration order.</summary>
    public static readonly IReadOnlyList<ActionDefinition> Reference =
    [
        new(SupportedActions.Unsettled, ActionCategory.Other, ActionGroups.None),
        new(SupportedActions.UserRegistrationApprovalRequest, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.UserRegistrationSuccess, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.UserLoginWithLocal, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginWithLdap, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginWithGoogle, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginWithGithub, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginWithOidc, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginWithSaml, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLoginFailure, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLogout, ActionCategory.User, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserFogotPassword, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserResetPassword, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserPersonalSettingsUpdate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserImageTypeUpdate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLdapAccountAssociate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserLdapAccountDisconnect, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserPasswordUpdate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.UserAccessTokenCreate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.UserAccessTokenDelete, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.UserEditorSettingsUpdate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.UserInAppNotificationSettingsUpdate, ActionCategory.User, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageView, ActionCategory.Page, ActionGroups.None),
        new(SupportedActions.PageUserHomeView, ActionCategory.Page, ActionGroups.None),
        new(SupportedActions.PageForbidden, ActionCategory.Page, ActionGroups.None),
        new(SupportedActions.PageNotFound, ActionCategory.Page, ActionGroups.None),
        new(SupportedActions.PageNotCreatable, ActionCategory.Page, ActionGroups.None),
        new(SupportedActions.PageLike, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageUnlike, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageBookmark, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageUnbookmark, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageCreate, ActionCategory.Page, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageUpdate, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageRename, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageDuplicate, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageDelete, ActionCategory.Page, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageDeleteCompletely, ActionCategory.Page, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageRevert, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageEmptyTrash, ActionCategory.Page, ActionGroups.Small | ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageRecursivelyRename, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageRecursivelyDelete, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageRecursivelyDeleteCompletely, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageRecursivelyRevert, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.PageSubscribe, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageUnsubscribe, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.PageExport, ActionCategory.Page, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.TagUpdate, ActionCategory.Tag, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.InAppNotificationAllStatusesOpen, ActionCategory.InAppNotification, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.CommentCreate, ActionCategory.Comment, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Essential),
        new(SupportedActions.CommentUpdate, ActionCategory.Comment, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.CommentRemove, ActionCategory.Comment, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.CommentMention, ActionCategory.Comment, ActionGroups.None),
        new(SupportedActions.ShareLinkCreate, ActionCategory.ShareLink, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.ShareLinkDelete, ActionCategory.ShareLink, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.ShareLinkDeleteByPage, ActionCategory.ShareLink, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.ShareLinkAllDelete, ActionCategory.ShareLink, ActionGroups.Large),
        new(SupportedActions.ShareLinkPageView, ActionCategory.ShareLink, ActionGroups.None),
        new(SupportedActions.ShareLinkExpiredPageView, ActionCategory.ShareLink, ActionGroups.None),
        new(SupportedActions.ShareLinkNotFound, ActionCategory.ShareLink, ActionGroups.None),
        new(SupportedActions.AttachmentAdd, ActionCategory.Attachment, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.AttachmentRemove, ActionCategory.Attachment, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.AttachmentDownload, ActionCategory.Attachment, ActionGroups.Medium | ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.SearchPage, ActionCategory.Search, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.SearchPageView, ActionCategory.Search, ActionGroups.Medium | ActionGroups.Large),
        new(SupportedActions.AdminAppSettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAiSettingUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAiModelCatalogRefresh, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSiteUrlUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMailSmtpUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMailSesUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMailOauth2Update, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMailTestSubmit, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminFileUploadConfigUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAttachmentDispositionUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminPageBulkExportSettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMaintenancemodeEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMaintenancemodeDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSecuritySettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminPermitShareLink, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminRejectShareLink, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthIdPassEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthIdPassDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthIdPassUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthLdapEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthLdapDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthLdapUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthSamlEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthSamlDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthSamlUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthOidcEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthOidcDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthOidcUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGoogleEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGoogleDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGoogleUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGithubEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGithubDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminAuthGithubUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMarkdownLineBreakUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMarkdownIndentUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMarkdownPresentationUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminMarkdownXssUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminLayoutUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminThemeUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSidebarUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminFunctionUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminCodeHighlightUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminCustomTitleUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminCustomNoscriptUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminCustomCssUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminCustomScriptUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminArchiveDataUpload, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGrowiDataImported, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUploadedGrowiDataDiscarded, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminArchiveDataCreate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminArchiveDataDownload, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminArchiveDataDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUserNotificationSettingsAdd, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUserNotificationSettingsDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGlobalNotificationSettingsAdd, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGlobalNotificationSettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminNotificationGrantSettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGlobalNotificationSettingsEnabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGlobalNotificationSettingsDisabled, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminGlobalNotificationSettingsDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackWorkspaceCreate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackWorkspaceDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackBotTypeUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackBotTypeDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackAccessTokenRegenerate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackMakeAppPrimary, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackPermissionUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackProxyUriUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackRelationTest, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackWithoutProxySettingsUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackWithoutProxyPermissionUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackWithoutProxyTest, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSlackConfigurationSettingUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUsersInvite, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUsersPasswordReset, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUsersActivate, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUsersDeactivate, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUsersGrantAdmin, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUsersRevokeAdmin, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUsersGrantReadOnly, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUsersRevokeReadOnly, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUsersSendInvitationEmail, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUsersRemove, ActionCategory.Admin, ActionGroups.Large | ActionGroups.Custody),
        new(SupportedActions.AdminUserGroupCreate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUserGroupUpdate, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUserGroupDelete, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminUserGroupAddUser, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSearchConnection, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSearchIndicesNormalize, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSearchIndicesRebuild, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSearchAuditlogIndicesNormalize, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.AdminSearchAuditlogIndicesRebuild, ActionCategory.Admin, ActionGroups.Large),
        new(SupportedActions.PageBulkExportCompleted, ActionCategory.Page, ActionGroups.Essential),
        new(SupportedActions.PageBulkExportFailed, ActionCategory.Page, ActionGroups.Essential),
        new(SupportedActions.PageBulkExportJobExpired, ActionCategory.Page, ActionGroups.Essential),
        new(SupportedActions.AuditLogBulkExportCompleted, ActionCategory.Export, ActionGroups.Essential | ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportFailed, ActionCategory.Export, ActionGroups.Essential | ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportJobExpired, ActionCategory.Export, ActionGroups.Essential | ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportNoResults, ActionCategory.Export, ActionGroups.Essential | ActionGroups.Custody),
        new(SupportedActions.VaultClonePrepare, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultCloneComplete, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultAuthFailure, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultWipe, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceBootstrapStarted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceBootstrapCompleted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceBootstrapFailed, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceCompletenessCheckFailed, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceRetryScheduled, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceRetryFailed, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceRetryEscalated, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceRetryAborted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceForceWarningActive, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceStaleRunningDetected, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceDriftSweepStarted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceDriftDetected, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceDriftRepaired, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceDriftSweepFailed, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultResilienceDriftSweepOutOfScope, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultReconcileStarted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultReconcileCompleted, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultReconcileFailed, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultReconcileRejected, ActionCategory.Vault, ActionGroups.None),
        new(SupportedActions.VaultReconcilePartialAclFiltered, ActionCategory.Vault, ActionGroups.None),
    ];

    /// <summary>AuditAdmin's own actions, where GROWI has none that fits: all of them part of the chain of custody.</summary>
    public static readonly IReadOnlyList<ActionDefinition> Own =
    [
        new(SupportedActions.AuditLogBulkExportRequested, ActionCategory.Export, ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportRestarted, ActionCategory.Export, ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportCancelled, ActionCategory.Export, ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportRemoved, ActionCategory.Export, ActionGroups.Custody),
        new(SupportedActions.AuditLogBulkExportVerified, ActionCategory.Export, ActionGroups.Custody),
        new(SupportedActions.AuditLogRetentionRun, ActionCategory.Admin, ActionGroups.Custody),
        new(SupportedActions.AuditLogIngested, ActionCategory.Admin, ActionGroups.Custody),
        new(SupportedActions.AdminUsersGrantAuditor, ActionCategory.Admin, ActionGroups.Custody),
        new(SupportedActions.AdminUsersRevokeAuditor, ActionCategory.Admin, ActionGroups.Custody),
        new(SupportedActions.AdminUsersUnlock, ActionCategory.Admin, ActionGroups.Custody),
    ];

    /// <summary>Every supported action: the reference's, then AuditAdmin's own.</summary>
    public static readonly IReadOnlyList<ActionDefinition> All = [.. Reference, .. Own];

    private static readonly Dictionary<string, ActionDefinition> ByValue = All.ToDictionary(a => a.Value, StringComparer.Ordinal);

    public static bool IsSupported(string? value) => value is not null && ByValue.ContainsKey(value);

    public static ActionDefinition? Find(string? value) => value is not null && ByValue.TryGetValue(value, out var d) ? d : null;

    public static IEnumerable<string> InGroup(ActionGroups group) =>
        All.Where(a => (a.Groups & group) != 0).Select(a => a.Value);
}
