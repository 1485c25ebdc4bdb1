// Small browser helpers used through JS interop.
window.auditAdmin = {
    getTheme: function () { try { return localStorage.getItem('auditadmin-theme'); } catch { return null; } },
    setTheme: function (value) { try { localStorage.setItem('auditadmin-theme', value); } catch { } },
    copyText: function (text) { return navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.resolve(); },
    // form.submit() raises no submit event, so Blazor leaves the post to the browser: a full page load.
    submitCulture: function (form, culture, returnUrl) {
        form.elements['culture'].value = culture;
        form.elements['returnUrl'].value = returnUrl;
        form.submit();
    }
};
