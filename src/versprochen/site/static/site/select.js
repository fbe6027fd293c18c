// Selecting text in the document fills the "marked passage" field of the add form.
(function () {
  var text = document.getElementById("dokumenttext");
  var field = document.getElementById("id_quote");
  if (!text || !field) return;
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    var value = selection.toString().trim();
    if (value) field.value = value;
  });
})();
