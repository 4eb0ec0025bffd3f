/* Replaces pydata-sphinx-theme's 1.5 MB scripts/fontawesome.js (Sphinx copies
   html_static_path after the theme's static files, so this file wins). That
   script only redraws the theme's <i class="fa-..."> icons as inline SVG and
   serves custom icon_links, which this book does not use: the icons are drawn
   by the theme's own CSS and Font Awesome webfonts either way. */
