# a comment
   # another one
	# and a tab
