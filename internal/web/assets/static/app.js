// The file box: a button in the page's style with the chosen file's name
// beside it, in place of the browser's own; and drag and drop onto it,
// the dropped file becoming the chosen file and the form being sent.
// Without this script the browser's own input shows and the form works
// as it is.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var drop = document.getElementById("drop");
  var input = document.getElementById("file");
  var name = document.getElementById("file-name");
  if (!drop || !input) { return; }
  input.addEventListener("change", function () {
    name.textContent = input.files.length > 0 ? input.files[0].name : "";
  });
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      name.textContent = input.files[0].name;
      input.form.requestSubmit();
    }
  });
});
