--[[
ratecalc.lua: a Pandoc Lua filter (also the Quarto extension `ratecalc`) that puts
ratecalc's exact bounds into a document when it is rendered. See docs/notes.md.

  ```ratecalc                        a code block with class ratecalc: its text goes to
  --smoothness 1,2,4 --arch all      `ratecalc notes --render-block markdown` (or `latex`
  ```                                for LaTeX/PDF output); the output replaces the block

  `rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm`{.ratecalc}
                                     inline code with class ratecalc: its text goes to
                                     `ratecalc notes --render-value`; the line it prints
                                     becomes inline math (here \frac{8}{15})

The binary applies every rule of a note (how the words are read, the allow-list of subcommands and
options, check blocks only with RATECALC_RUN_CHECKS=1, a time limit per block); this file
only hands it the text and inserts what it prints. Output that `ratecalc notes` stored
between <!-- ratecalc:begin --> and <!-- ratecalc:end --> is dropped (rendered afresh).

The executable is `ratecalc` on PATH, or the one the environment variable RATECALC names
(the document cannot choose it). A failing block stops the rendering: ratecalc's one-line
error on stderr, exit status 2.

This file is the only copy to edit: scripts/sync-quarto-filter.sh copies it into the Quarto
extension, and the tests check that the two are identical.
]]

local ratecalc = os.getenv("RATECALC") or "ratecalc"

-- LaTeX packages that raw LaTeX from ratecalc uses beyond Pandoc's template (which loads
-- amsmath and amssymb): added to header-includes at the end.
local needed_packages = {}
local package_markers = { booktabs = { "\\toprule", "\\midrule" }, graphicx = { "\\resizebox" } }

local function note_packages(latex)
  for package, markers in pairs(package_markers) do
    for _, marker in ipairs(markers) do
      if latex:find(marker, 1, true) then needed_packages[package] = true end
    end
  end
end

local function add_header_includes(meta)
  local packages = {}
  for package in pairs(needed_packages) do packages[#packages + 1] = package end
  if #packages == 0 then return nil end
  table.sort(packages)
  local include = pandoc.MetaBlocks({ pandoc.RawBlock("latex", "\\usepackage{" .. table.concat(packages, ",") .. "}") })
  local existing = meta["header-includes"]
  local list = pandoc.MetaList({})
  if existing ~= nil then
    if existing.t == "MetaList" or (existing.t == nil and type(existing[1]) == "table" and existing[1].t ~= nil and existing[1].t:match("^Meta")) then
      for _, item in ipairs(existing) do list[#list + 1] = item end
    else
      list[1] = existing
    end
  end
  list[#list + 1] = include
  meta["header-includes"] = list
  return meta
end

-- Runs `ratecalc notes MODE…` with `text` on stdin and returns what it prints. When it
-- fails, ratecalc has already written its one-line error to stderr: stop with status 2.
local function render(mode, text)
  local ok, output = pcall(pandoc.pipe, ratecalc, mode, text)
  if ok then return output end
  if type(output) ~= "table" and not tostring(output):match("exit") then
    io.stderr:write("ratecalc filter: cannot run " .. ratecalc .. ": " .. tostring(output):gsub("%s+", " ") .. "\n")
  end
  os.exit(2)
end

local function latex_output()
  return FORMAT:match("latex") ~= nil or FORMAT:match("beamer") ~= nil
end

local function is_marker(block, marker)
  return block.t == "RawBlock" and block.format == "html" and block.text:match("^%s*<!%-%-%s*" .. marker .. "%s*%-%->%s*$") ~= nil
end

return {
  {
    Blocks = function(blocks)
      local kept, skipping = {}, false
      for _, block in ipairs(blocks) do
        if not skipping and is_marker(block, "ratecalc:begin") then
          skipping = true
        elseif skipping then
          if is_marker(block, "ratecalc:end") then skipping = false end
        else
          kept[#kept + 1] = block
        end
      end
      return kept
    end,
  },
  {
    CodeBlock = function(block)
      if not block.classes:includes("ratecalc") then return nil end
      if latex_output() then
        local output = render({ "notes", "--render-block", "latex" }, block.text)
        note_packages(output)
        return pandoc.RawBlock("latex", output)
      end
      return pandoc.read(render({ "notes", "--render-block", "markdown" }, block.text), "markdown").blocks
    end,
    Code = function(code)
      if not code.classes:includes("ratecalc") then return nil end
      return pandoc.Math("InlineMath", (render({ "notes", "--render-value" }, code.text):gsub("%s+$", "")))
    end,
  },
  {
    Meta = add_header_includes,
  },
}
